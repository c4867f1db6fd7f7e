package dev.switchboard.it;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks for personal data by brute force, knowing nothing of the schema: every column of every table in a
 * PostgreSQL schema (text, JSON, arrays, bytea — each row cast to text as a whole, bytea decoded), and every key and
 * value in Redis (strings, lists, hashes, sets, sorted sets, streams). Answers where each needle was found.
 */
final class PersonalDataScan {
  private PersonalDataScan() {
  }

  static List<String> postgres(Vertx vertx, String url, String schema, List<String> needles) {
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(PgConnectOptions.fromUri(url))
        .using(vertx).build();
    try {
      List<String> hits = new ArrayList<>();
      String[] patterns = needles.stream().map(n -> "%" + n.toLowerCase(Locale.ROOT) + "%").toArray(String[]::new);
      List<String> tables = new ArrayList<>();
      Await.of(pool.preparedQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 "
          + "AND table_type = 'BASE TABLE' ORDER BY table_name").execute(Tuple.of(schema)))
          .forEach(r -> tables.add(r.getString(0)));
      if (tables.size() < 10) {
        throw new AssertionError("the scan expects the whole schema, found only " + tables);
      }
      for (String table : tables) {
        String qualified = schema + "." + table;
        for (Row r : Await.of(pool.preparedQuery("SELECT t::text FROM " + qualified + " t WHERE lower(t::text) "
            + "LIKE ANY($1::text[])").execute(Tuple.of(patterns)))) {
          hits.add(table + ": " + matched(r.getString(0), needles) + " in " + excerpt(r.getString(0)));
        }
        for (Row c : Await.of(pool.preparedQuery("SELECT column_name FROM information_schema.columns "
            + "WHERE table_schema = $1 AND table_name = $2 AND data_type = 'bytea'").execute(Tuple.of(schema, table)))) {
          String column = c.getString(0);
          for (Row r : Await.of(pool.preparedQuery("SELECT encode(" + column + ", 'escape') FROM " + qualified
              + " WHERE lower(encode(" + column + ", 'escape')) LIKE ANY($1::text[])").execute(Tuple.of(patterns)))) {
            hits.add(table + "." + column + ": " + matched(r.getString(0), needles) + " in " + excerpt(r.getString(0)));
          }
        }
      }
      return hits;
    } finally {
      Await.of(pool.close());
    }
  }

  static List<String> redis(Vertx vertx, String url, List<String> needles) {
    Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
    RedisAPI api = RedisAPI.api(client);
    try {
      List<String> hits = new ArrayList<>();
      String cursor = "0";
      do {
        Response page = Await.of(api.scan(List.of(cursor, "COUNT", "1000")));
        cursor = page.get(0).toString();
        for (Response key : page.get(1)) {
          String name = key.toString();
          String value = Await.of(read(api, name));
          String found = matched(name + " " + value, needles);
          if (!found.isEmpty()) {
            hits.add(name + ": " + found);
          }
        }
      } while (!"0".equals(cursor));
      return hits;
    } finally {
      client.close();
    }
  }

  /** The value of any type, as text (a key that expired meanwhile reads as empty). */
  private static Future<String> read(RedisAPI api, String key) {
    return api.type(key).compose(type -> switch (type.toString()) {
      case "string" -> api.get(key).map(String::valueOf);
      case "list" -> api.lrange(key, "0", "-1").map(String::valueOf);
      case "hash" -> api.hgetall(key).map(String::valueOf);
      case "set" -> api.smembers(key).map(String::valueOf);
      case "zset" -> api.zrange(List.of(key, "0", "-1", "WITHSCORES")).map(String::valueOf);
      case "stream" -> api.xrange(List.of(key, "-", "+")).map(String::valueOf);
      default -> Future.succeededFuture("");
    });
  }

  /**
   * Deletes the keys a previous run of the same test left behind when it failed before its erase (their TTLs run to
   * half an hour), so this run's scan sees only what this run wrote. Answers how many went.
   */
  static int redisForgetLeftovers(Vertx vertx, String url, List<String> needles) {
    Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
    try {
      List<String> keys = redis(vertx, url, needles).stream().map(h -> h.substring(0, h.lastIndexOf(": "))).toList();
      return keys.isEmpty() ? 0 : Await.of(RedisAPI.api(client).del(keys)).toInteger();
    } finally {
      client.close();
    }
  }

  private static String excerpt(String row) {
    return row.length() <= 300 ? row : row.substring(0, 300) + "…";
  }

  private static String matched(String text, List<String> needles) {
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return String.join(", ", needles.stream().filter(n -> lower.contains(n.toLowerCase(Locale.ROOT))).toList());
  }
}
