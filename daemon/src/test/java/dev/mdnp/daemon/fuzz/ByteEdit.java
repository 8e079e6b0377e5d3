package dev.mdnp.daemon.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A change of a serialized body's bytes at the relative position {@code where} (0 the start, 1 the end): truncate
 * there, insert or overwrite {@code bytes}, flip {@code count} bits, put {@code bytes} before or after the body, add
 * the member {@code bytes} right after the first brace (a duplicate key), or nest {@code count} times.
 *
 * @param kind what the edit does
 * @param where where, relative to the body's length
 * @param inserted the bytes it puts in
 * @param count how many bits it flips or levels it nests
 */
record ByteEdit(String kind, double where, List<Byte> inserted, int count) {

    /** Creates an edit that puts {@code bytes} in. */
    ByteEdit(String kind, double where, byte[] bytes, int count) {
        this(kind, where, boxed(bytes), count);
    }

    /** Copies the bytes. */
    ByteEdit {
        inserted = List.copyOf(inserted);
    }

    /** Returns the edited copy of {@code body}. */
    byte[] apply(byte[] body) {
        byte[] bytes = bytes();
        int at = (int) Math.min(body.length, Math.floor(where * (body.length + 1)));
        return switch (kind) {
            case "truncate" -> Arrays.copyOf(body, at);
            case "insert" -> join(Arrays.copyOf(body, at), bytes, tail(body, at));
            case "overwrite" -> join(Arrays.copyOf(body, at), bytes,
                    tail(body, Math.min(body.length, at + bytes.length)));
            case "flip" -> flip(body, at, count);
            case "prefix" -> join(bytes, body, new byte[0]);
            case "suffix" -> join(body, bytes, new byte[0]);
            case "duplicate-key" -> duplicateKey(body, bytes);
            case "nest" -> join(Arrays.copyOf(body, at), nest(bytes, count), tail(body, at));
            default -> throw new IllegalStateException(kind);
        };
    }

    /** Returns the edit as a report shows it. */
    String describe() {
        byte[] bytes = bytes();
        return kind + (kind.equals("nest") ? " " + count + "×" + text(bytes)
                : kind.equals("flip") ? " " + count + " bits" : kind.equals("truncate") ? "" : " "
                        + FuzzCase.excerpt(text(bytes), 40)) + " at " + Math.round(where * 100) + "%";
    }

    private static byte[] tail(byte[] body, int from) {
        return Arrays.copyOfRange(body, from, body.length);
    }

    private static byte[] join(byte[] a, byte[] b, byte[] c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length + c.length);
        out.writeBytes(a);
        out.writeBytes(b);
        out.writeBytes(c);
        return out.toByteArray();
    }

    private static byte[] flip(byte[] body, int at, int count) {
        byte[] copy = body.clone();
        if (copy.length == 0) {
            return copy;
        }
        for (int i = 0; i < count; i++) {
            int position = (at + i * 7) % copy.length;
            copy[position] ^= (byte) (1 << ((at + i) % 8));
        }
        return copy;
    }

    private static byte[] duplicateKey(byte[] body, byte[] member) {
        int brace = indexOf(body, (byte) '{');
        if (brace < 0) {
            return join(utf8("{"), member, utf8("\"x\":0}"));
        }
        return join(Arrays.copyOf(body, brace + 1), member, tail(body, brace + 1));
    }

    private static byte[] nest(byte[] open, int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(open.length * depth);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(open);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private byte[] bytes() {
        byte[] bytes = new byte[inserted.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = inserted.get(i);
        }
        return bytes;
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
