package dev.switchboard.bench.load;

/** {@code connections} senders, each posting its next webhook as soon as the previous one was answered. */
final class ClosedDriver implements WebhookLoad.Driver {
  private final WebhookLoad load;
  private final int senders;
  private volatile boolean running;

  ClosedDriver(WebhookLoad load, int senders) {
    this.load = load;
    this.senders = senders;
  }

  @Override
  public void start() {
    running = true;
    for (int i = 0; i < senders; i++) {
      loop();
    }
  }

  private void loop() {
    if (running) {
      load.post(System.nanoTime()).onComplete(ar -> loop());
    }
  }

  @Override
  public void stop() {
    running = false;
  }
}
