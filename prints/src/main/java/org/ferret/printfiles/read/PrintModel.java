package org.ferret.printfiles.read;

/** What a reader gives: a surface mesh (STL, 3MF, OBJ) or the deposited paths of a G-code file. */
public sealed interface PrintModel permits Mesh, Toolpath {}
