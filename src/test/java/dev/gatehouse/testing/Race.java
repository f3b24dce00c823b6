package dev.gatehouse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The same request sent by several clients at once, each on its own thread and connection, all
 * released together so that they overlap inside the server.
 */
public final class Race {

  private Race() {
  }

  public static <T> List<T> of(int racers, Callable<T> request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(racers);
    ExecutorService threads = Executors.newFixedThreadPool(racers);
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        answers.add(threads.submit(() -> {
          start.await();
          return request.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
