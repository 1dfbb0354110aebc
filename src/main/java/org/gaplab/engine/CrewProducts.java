package org.gaplab.engine;

/**
 * What the two backends share: the precision they compute in and the crew of threads that takes the parts of a
 * product (and any other {@link Products.Work} the trainer shares out). The products themselves are each backend's.
 */
abstract class CrewProducts implements Products, Products.Work {
    protected final Crew crew;
    protected final Precision precision;

    CrewProducts(int threads, String threadName, Precision precision) {
        this.crew = new Crew(threads, threadName);
        this.precision = precision;
    }

    @Override
    public final Precision precision() { return precision; }

    @Override
    public final int threads() { return crew.threads(); }

    @Override
    public final void share(Products.Work work, int parts) { crew.run(work, parts); }

    @Override
    public void close() { crew.close(); }
}
