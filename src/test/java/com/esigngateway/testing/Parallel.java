package com.esigngateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.response.Response;

/** Fires requests all at once from a start gate and collects their answers. */
public final class Parallel {

    private Parallel() {
    }

    public static List<Response> run(int count, Callable<Response> request) throws Exception {
        return runEach(java.util.Collections.nCopies(count, request));
    }

    /** Each of {@code requests}, all at once from a start gate; their answers in the same order. */
    public static List<Response> runEach(List<Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Response createExample() {
        return Requests.example().post(Requests.PATH);
    }
}
