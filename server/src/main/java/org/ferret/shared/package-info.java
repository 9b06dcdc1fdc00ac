/** Types every module may use: error codes and the domain exception base. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ferret.shared;
