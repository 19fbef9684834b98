package io.aegisops.diagnosis.runbook;

import org.jboss.logging.Logger;

/**
 * Runs a start-up job (indexing runbooks, embedding past incidents) on a daemon thread of its own and interrupts it
 * at shutdown. Exists so that loading the embedding model (seconds) neither delays readiness nor ever runs on a
 * request or a Kafka record, the same way for every indexer: a failure is logged, not thrown (the service runs on
 * without what the job makes until the next start), and a failure caused by the shutdown's interrupt is not logged.
 */
public final class StartupWorker {

    private final String name;
    private final Logger log;
    private final String failure;
    private volatile Thread thread;

    /**
     * @param name    the thread's name
     * @param log     the logger of the indexer the job belongs to
     * @param failure what is logged, with the exception, when the job fails
     */
    public StartupWorker(String name, Logger log, String failure) {
        this.name = name;
        this.log = log;
        this.failure = failure;
    }

    /** Starts {@code job} on the worker's thread and returns at once. */
    public void start(Runnable job) {
        Thread worker = new Thread(() -> run(job), name);
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** Interrupts the job if it was started: a job checks its thread's interrupt flag between steps. */
    public void stop() {
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void run(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                log.error(failure, e);
            }
        }
    }
}
