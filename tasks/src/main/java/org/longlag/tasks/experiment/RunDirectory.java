package org.longlag.tasks.experiment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output directory of one run (train, resume, dsr, stability), claimed for one writer: an
 * earlier run's directory is never overwritten unless asked, and two processes never write into
 * the same directory at once.
 *
 * <ul>
 *   <li>A directory that holds anything (besides the lock file) is refused, naming what it holds;
 *       with {@code force} the files a run writes ({@link #RUN_FILES}) are removed first, so the
 *       directory never mixes two runs, and anything else in it is left as it is. Files the
 *       command reads ({@code inputs}) are never among those removed: such a claim is refused.</li>
 *   <li>The claim holds an exclusive lock on {@value #LOCK} in the directory (as the suite's
 *       results store does) until {@link #close}; a second claim, from another process or this
 *       one, is refused while it is held. The operating system releases the lock of a killed
 *       process; the lock file stays (removing it could let two writers lock two files).</li>
 *   <li>Nothing is created or removed for a refused claim: claim after every check of the
 *       command's options, just before the run writes.</li>
 * </ul>
 */
public final class RunDirectory implements AutoCloseable {

    /** The lock file. */
    public static final String LOCK = ".longlag.lock";

    /**
     * What longlag's single-run commands write into a run directory: what {@code force} removes.
     * The two checkpoint directories are removed with their files (and nothing else in them).
     */
    public static final List<String> RUN_FILES = List.of(Resume.RESULT, Resume.MODEL, Resume.STATE, "checkpoint", "checkpoint.new",
            "generated.csv", "truth.csv", "config.json", "gradient_norms.csv", "summary.csv", "jacobian_windows.csv", "gradient_norms.png");

    private static final Set<String> CHECKPOINT_DIRS = Set.of("checkpoint", "checkpoint.new");

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The claimed directory. */
    public Path dir() {
        return dir;
    }

    /**
     * Claims {@code dir} for a run (creating it): refused (IllegalArgumentException, one line
     * saying why and what to do) when it is a file, holds an earlier run and {@code force} is not
     * given, would have {@code force} remove one of {@code inputs}, or another claim holds it.
     *
     * @param option how the directory is called in messages, e.g. "--out"
     * @param inputs files or directories the command reads (kept; may be empty)
     */
    public static RunDirectory claim(Path dir, String option, boolean force, Collection<Path> inputs) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file, not a directory");
        }
        if (force) {
            for (Path in : inputs) {
                Path a = in.toAbsolutePath().normalize();
                for (String name : RUN_FILES) {
                    if (a.startsWith(abs.resolve(name))) {
                        throw new IllegalArgumentException("--force would remove " + abs.resolve(name) + ", which this command reads; choose another " + option);
                    }
                }
            }
        }
        refuseEarlierRun(dir, abs, option, force);
        Path created = firstMissing(abs);
        Files.createDirectories(abs);
        Path lockFile = abs.resolve(LOCK);
        boolean newLock = !Files.exists(lockFile);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalArgumentException("another longlag command is writing into " + dir + "; wait for it to end, or choose another " + option);
        }
        try {
            refuseEarlierRun(dir, abs, option, force); // again under the lock: a run may have finished there meanwhile
            if (force) {
                for (String name : RUN_FILES) refuseForeign(abs.resolve(name), option); // all checked before anything is removed
                for (String name : RUN_FILES) remove(abs.resolve(name));
            }
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            if (newLock) Files.deleteIfExists(lockFile);
            if (created != null) removeEmpty(created, abs);
            throw e;
        }
        return new RunDirectory(abs, channel, lock);
    }

    /** Refuses a directory that holds anything but the lock file, unless forced. */
    private static void refuseEarlierRun(Path given, Path abs, String option, boolean force) throws IOException {
        if (force || !Files.isDirectory(abs)) return;
        List<String> held = entries(abs);
        if (held.isEmpty()) return;
        String shown = String.join(", ", held.size() > 6 ? held.subList(0, 6) : held) + (held.size() > 6 ? ", ..." : "");
        throw new IllegalArgumentException(option + " " + given + " is not empty (it holds " + shown + "): an earlier run's files are not "
                + "overwritten; choose another " + option + ", or give --force to replace that run");
    }

    private static List<String> entries(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(LOCK)).sorted().forEach(names::add);
        }
        return names;
    }

    /** Refuses to force a directory whose run files are not what a run writes there (a directory named result.json, a note in a checkpoint). */
    private static void refuseForeign(Path p, String option) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        boolean checkpoint = CHECKPOINT_DIRS.contains(p.getFileName().toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) != checkpoint) {
            throw new IllegalArgumentException("--force would remove " + p + ", which is not what a run writes there ("
                    + (checkpoint ? "not a directory" : "a directory") + "); it is left as it is: move it, or choose another " + option);
        }
        if (checkpoint) {
            List<String> foreign = new ArrayList<>();
            try (Stream<Path> s = Files.list(p)) {
                s.filter(f -> !isCheckpointFile(f)).map(f -> f.getFileName().toString()).sorted().forEach(foreign::add);
            }
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("--force would remove " + p + ", which holds files that are not a checkpoint's ("
                        + String.join(", ", foreign) + "); it is left as it is: move them, or choose another " + option);
            }
        }
    }

    /** A run file, or a checkpoint directory with the files a checkpoint holds and the temporary files of an interrupted save. */
    private static void remove(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        if (CHECKPOINT_DIRS.contains(p.getFileName().toString()) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            removeCheckpoint(p);
        } else {
            Files.delete(p);
        }
    }

    /** What a checkpoint directory holds: its three files, and the temporary files a save killed while writing them leaves. */
    private static boolean isCheckpointFile(Path f) {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) return false;
        String n = f.getFileName().toString();
        String bare = n.startsWith(".") ? n.substring(1) : n;
        return CHECKPOINT_FILES.contains(n) || n.endsWith(".tmp") && CHECKPOINT_FILES.stream().anyMatch(bare::startsWith);
    }

    private static final List<String> CHECKPOINT_FILES = List.of(Resume.RESULT, Resume.MODEL, Resume.STATE);

    /**
     * Removes a checkpoint directory: the files a checkpoint holds and the temporary files a save
     * killed while writing them leaves (e.g. a 0-byte {@code model.longlag123.tmp}); anything else
     * stays, and so does the directory then (an IOException names it).
     */
    public static void removeCheckpoint(Path d) throws IOException {
        if (!Files.exists(d)) return;
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : (Iterable<Path>) s::iterator) if (isCheckpointFile(f)) Files.delete(f);
        }
        try {
            Files.delete(d);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException(d + " holds files that are not a checkpoint's (" + String.join(", ", entries(d)) + "); it is left as it is", e);
        }
    }

    /** The outermost ancestor of {@code p} (or p itself) that does not exist yet, or null. */
    private static Path firstMissing(Path p) {
        Path missing = null;
        for (Path q = p; q != null && !Files.exists(q); q = q.getParent()) missing = q;
        return missing;
    }

    /** Removes the directories this claim created, from {@code leaf} up to {@code top}, while they are empty. */
    private static void removeEmpty(Path top, Path leaf) {
        for (Path q = leaf; q != null && q.startsWith(top); q = q.getParent()) {
            try {
                Files.delete(q);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Releases the lock (the lock file stays). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
