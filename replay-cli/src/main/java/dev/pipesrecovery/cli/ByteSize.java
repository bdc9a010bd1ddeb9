package dev.pipesrecovery.cli;

import java.util.Locale;

/** Sizes as people read them: bytes below 1 KiB, then one decimal of KiB, MiB, GiB or TiB (text output and report). */
public final class ByteSize {

    private ByteSize() {}

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
