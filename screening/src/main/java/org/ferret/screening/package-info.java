package org.ferret.screening;
