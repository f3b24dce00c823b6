package dev.gatehouse.bench;

/** One simulated client of a scenario, with its own connections; {@link #once} is the timed operation. */
@FunctionalInterface
interface Worker extends AutoCloseable {

  /** One operation; returns normally when the provider answered as it should. */
  void once() throws Exception;

  @Override
  default void close() {
  }

  /** A worker that closes {@code resource} when the scenario ends. */
  static Worker closing(AutoCloseable resource, Worker operation) {
    return new Worker() {
      @Override
      public void once() throws Exception {
        operation.once();
      }

      @Override
      public void close() {
        try {
          resource.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
