package io.prescient.io.read;

/** Small helpers for file names. */
final class FileNames {

    private FileNames() {
    }

    /** The file name without {@code .gz} and then without its last extension: {@code 12.csv.gz} gives {@code 12}. */
    static String stem(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The name of the folder holding the file, or {@code default} at the root. */
    static String folderName(java.nio.file.Path file) {
        java.nio.file.Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "default" : parent.getFileName().toString();
    }
}
