package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An append-only results store: the file {@code runs.jsonl} in a directory, one JSON record per
 * finished run and line (JSON Lines).
 *
 * <p>Each record is appended with a single write of the complete line, newline included, followed
 * by an fsync; a record is therefore either wholly in the file or, if the process died during the
 * write, a last line without its newline. Opening the store for writing detects such a torn last
 * line (no newline, or not a JSON object), copies its bytes to {@code runs.jsonl.torn-<millis>}
 * and truncates the store back to the end of its last complete record, so no complete record is
 * ever lost and nothing half-written is ever read. A damaged line anywhere else is not touched:
 * opening fails and names the line. One process at a time may write to a store (a lock file).
 */
public final class ResultsStore implements AutoCloseable {

    public static final String FILE = "runs.jsonl";
    static final String LOCK = ".runs.lock";

    private static final ObjectMapper LINE = JsonFilesLine.mapper();

    private final Path dir;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel channel;
    private final List<StoredRecord> records;
    private final String repair;

    private ResultsStore(Path dir, FileChannel lockChannel, FileLock lock, FileChannel channel, List<StoredRecord> records, String repair) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.channel = channel;
        this.records = records;
        this.repair = repair;
    }

    /**
     * Opens (creating if needed) the store in {@code dir} for appending: takes the lock, repairs a
     * torn last line, and loads every complete record.
     *
     * @throws IllegalStateException if another process holds the store, or a line other than the last is damaged
     */
    public static ResultsStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another longlag process is writing to the results store in " + dir + "; wait for it to end");
        }
        try {
            Path file = dir.resolve(FILE);
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            Parsed p = parse(file, bytes);
            String repair = "";
            if (p.goodLength < bytes.length) {
                Path torn = dir.resolve(FILE + ".torn-" + System.currentTimeMillis());
                Files.write(torn, java.util.Arrays.copyOfRange(bytes, (int) p.goodLength, bytes.length), StandardOpenOption.CREATE_NEW);
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    c.truncate(p.goodLength);
                    c.force(true);
                }
                repair = "dropped a torn last line (" + (bytes.length - p.goodLength) + " bytes, an interrupted write) from " + file
                        + "; its bytes are kept in " + torn.getFileName();
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new ResultsStore(dir, lockChannel, lock, channel, new ArrayList<>(p.records), repair);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /**
     * Reads the complete records of the store in {@code dir} without locking or changing it (a torn
     * last line is skipped, not repaired).
     */
    public static List<StoredRecord> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) throw new IllegalArgumentException("no results store in " + dir + " (" + FILE + " is missing)");
        return parse(file, Files.readAllBytes(file)).records;
    }

    private record Parsed(List<StoredRecord> records, long goodLength) {
    }

    private static Parsed parse(Path file, byte[] bytes) {
        List<StoredRecord> out = new ArrayList<>();
        int start = 0, line = 0;
        long good = 0;
        while (start < bytes.length) {
            int nl = start;
            while (nl < bytes.length && bytes[nl] != '\n') nl++;
            line++;
            boolean last = nl >= bytes.length - 1;
            StoredRecord r = nl < bytes.length ? record(line, new String(bytes, start, nl - start, StandardCharsets.UTF_8)) : null;
            if (r == null) {
                if (last) break; // torn tail: no newline, or a last line that is not a record
                throw new IllegalStateException("line " + line + " of " + file + " is not a complete run record, and it is not the last line, so it "
                        + "was not written by an interrupted append; the store was left untouched: move that line elsewhere and try again");
            }
            out.add(r);
            start = nl + 1;
            good = start;
        }
        return new Parsed(out, good);
    }

    private static StoredRecord record(int line, String text) {
        if (text.isBlank()) return null;
        try {
            JsonNode n = LINE.readTree(text);
            if (n == null || !n.isObject() || !n.path("key").isTextual() || !n.path("status").isTextual()) return null;
            return new StoredRecord(line, n.get("key").asText(), n.get("status").asText(), n);
        } catch (IOException e) {
            return null;
        }
    }

    /** The directory of the store. */
    public Path dir() {
        return dir;
    }

    public Path file() {
        return file;
    }

    /** What opening repaired, in words, or "". */
    public String repair() {
        return repair;
    }

    /** Every complete record, in the order written. */
    public synchronized List<StoredRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    /** Keys of the finished runs (ok or diverged). */
    public synchronized Set<String> finishedKeys() {
        Set<String> s = new LinkedHashSet<>();
        for (StoredRecord r : records) if (r.finished()) s.add(r.key());
        return s;
    }

    /** The newest record of each key, in order of first appearance. */
    public static List<StoredRecord> latestByKey(List<StoredRecord> records) {
        Map<String, StoredRecord> m = new LinkedHashMap<>();
        for (StoredRecord r : records) {
            StoredRecord old = m.get(r.key());
            if (old == null || !old.finished() || r.finished()) m.put(r.key(), r);
        }
        return new ArrayList<>(m.values());
    }

    /**
     * Appends one record as one line with a single write and an fsync. If the write fails half-way
     * the file is cut back to its previous length.
     */
    public synchronized StoredRecord append(JsonNode record) {
        if (!record.path("key").isTextual() || !record.path("status").isTextual()) {
            throw new IllegalArgumentException("a run record needs a textual 'key' and 'status'");
        }
        byte[] line;
        try {
            line = (LINE.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write run record " + record.path("key").asText() + " as JSON", e);
        }
        long before = -1;
        try {
            before = channel.size();
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(true);
        } catch (IOException e) {
            try {
                if (before >= 0) {
                    channel.truncate(before);
                    channel.force(true);
                }
            } catch (IOException ignored) {
                // the torn line is repaired when the store is next opened
            }
            throw new UncheckedIOException("could not append to " + file, e);
        }
        StoredRecord r = new StoredRecord(records.size() + 1, record.get("key").asText(), record.get("status").asText(), record);
        records.add(r);
        return r;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            channel.close();
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    /** Jackson set up for one-line records (no indentation; NaN written as the string "NaN"). */
    static final class JsonFilesLine {
        private JsonFilesLine() {
        }

        static ObjectMapper mapper() {
            ObjectMapper m = org.longlag.tasks.experiment.JsonFiles.mapper();
            m.disable(SerializationFeature.INDENT_OUTPUT);
            return m;
        }
    }
}
