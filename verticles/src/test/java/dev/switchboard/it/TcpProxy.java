package dev.switchboard.it;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy a test can cut: {@link #cut()} closes every open connection and refuses new ones, as a
 * database fail-over or a network blip looks to a client; {@link #restore()} lets connections through again. The
 * real server behind it keeps running for the other tests.
 */
final class TcpProxy implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final NetClient client = vertx.createNetClient();
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final NetServer server;
  private volatile boolean cut;
  final int port;

  TcpProxy(String host, int targetPort) {
    server = vertx.createNetServer().connectHandler(in -> {
      if (cut) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, host).onComplete(ar -> {
        if (ar.failed() || cut) {
          in.close();
          if (ar.succeeded()) {
            ar.result().close();
          }
          return;
        }
        NetSocket out = ar.result();
        open.add(in);
        open.add(out);
        in.closeHandler(v -> {
          open.remove(in);
          out.close();
        });
        out.closeHandler(v -> {
          open.remove(out);
          in.close();
        });
        in.pipeTo(out);
        out.pipeTo(in);
        in.resume();
      });
    });
    port = Await.of(server.listen(0, "127.0.0.1")).actualPort();
  }

  void cut() {
    cut = true;
    open.forEach(NetSocket::close);
  }

  void restore() {
    cut = false;
  }

  @Override
  public void close() {
    Await.of(vertx.close());
  }
}
