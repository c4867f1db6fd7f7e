package dev.switchboard.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** Reads the provider simulator's count of accepted sends ({@code GET /_sim/stats}). */
final class SimulatorStats {
  private SimulatorStats() {
  }

  static long accepted(Vertx vertx, String simulatorUrl) {
    var client = vertx.createHttpClient();
    try {
      return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(simulatorUrl + "/_sim/stats"))
          .compose(req -> req.send().compose(res -> res.body()))
          .map(body -> new JsonObject(body).getLong("accepted", 0L))
          .await();
    } finally {
      client.close();
    }
  }
}
