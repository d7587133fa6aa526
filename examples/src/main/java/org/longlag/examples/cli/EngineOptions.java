package org.longlag.examples.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.suite.SuiteEngine;
import picocli.CommandLine.Option;

/**
 * Where {@code suite}, {@code run} and {@code sweep} train their runs: {@code --engine local} (threads
 * of this process, the default) or {@code --engine spark --master URL} (Apache Spark: local[N],
 * spark://HOST:PORT, or the master spark-submit gives). Spark's classes are loaded only for
 * {@code --engine spark}, by name, so the command runs without them otherwise.
 */
final class EngineOptions {

    static final String SPARK_ENGINE = "org.longlag.tasks.suite.spark.SparkEngine";

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "where runs train: local (threads of this process) or spark (Apache Spark, see --master; docs/distributed.md) "
                    + "(default ${DEFAULT-VALUE})")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL",
            description = "with --engine spark: local[N], spark://HOST:PORT, yarn or k8s://URL (default: the master spark-submit sets)")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "with --engine spark: a Spark setting, e.g. spark.executor.memory=2g (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--executor-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "with --engine spark on a cluster: how long to wait for a first executor before giving up (default ${DEFAULT-VALUE})")
    int executorWait = 60;

    /** Checks the flags without starting anything. */
    void check() {
        if (!engine.equals("local") && !engine.equals("spark")) throw new Longlag.UsageException("--engine must be local or spark, got '" + engine + "'");
        if (engine.equals("local") && (master != null || !conf.isEmpty())) {
            throw new Longlag.UsageException((master != null ? "--master" : "--spark-conf") + " is for --engine spark; add --engine spark or drop it");
        }
        if (executorWait < 1) throw new Longlag.UsageException("--executor-wait must be at least 1 second, got " + executorWait);
    }

    /**
     * The engine the flags ask for, started: null for local threads (the runner makes its own). A Spark
     * engine is connected and has an executor before this returns; a bad URL, an unreachable master or a
     * cluster that gives no executor is an error in one line, before anything is written.
     */
    SuiteEngine start(ExperimentRunner runner, String appName) {
        check();
        if (engine.equals("local")) return null;
        Class<?> c;
        try {
            c = Class.forName(SPARK_ENGINE);
            if (master != null) c.getMethod("checkMaster", String.class).invoke(null, master);
            return (SuiteEngine) c.getMethod("start", String.class, String.class, Map.class, int.class).invoke(null, master, appName, conf, executorWait);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new Longlag.UsageException("--engine spark needs Apache Spark on the class path, which this java command lacks: run through "
                    + "./longlag (it fetches Spark on first use) or submit with spark-submit (docs/distributed.md)");
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof NoClassDefFoundError) {
                throw new Longlag.UsageException("--engine spark: a class of Spark is missing (" + t.getMessage() + "); run through ./longlag");
            }
            throw new IllegalStateException(t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Spark engine class does not have the expected methods", e);
        }
    }
}
