package org.ferret.printfiles.read;

/** Reads any supported print file: format from the name or the content, then that format's reader, within limits. */
public final class PrintReaders {
    private PrintReaders() {}

    public static PrintModel read(String name, byte[] bytes, Limits limits, Deadline deadline) throws UnreadableFileException {
        if (bytes.length > limits.maxBytes())
            throw UnreadableFileException.limit("file has " + bytes.length + " bytes, more than the limit of " + limits.maxBytes());
        if (bytes.length == 0) throw UnreadableFileException.malformed("file is empty");
        Format f = Format.detect(name, bytes);
        if (f == null) throw new UnreadableFileException(UnreadableFileException.Kind.UNSUPPORTED,
                "neither the name nor the content says STL, 3MF, OBJ or G-code");
        return read(f, bytes, limits, deadline);
    }

    public static PrintModel read(Format f, byte[] bytes, Limits limits, Deadline deadline) throws UnreadableFileException {
        try {
            return switch (f) {
                case STL -> StlReader.read(bytes, limits, deadline);
                case THREE_MF -> ThreeMfReader.read(bytes, limits, deadline);
                case OBJ -> ObjReader.read(bytes, limits, deadline);
                case GCODE -> GcodeReader.read(bytes, limits, deadline);
            };
        } catch (OutOfMemoryError e) {
            throw UnreadableFileException.limit("file needs more memory than this process has to be read");
        }
    }
}
