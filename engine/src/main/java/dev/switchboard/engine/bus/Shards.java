package dev.switchboard.engine.bus;

import dev.switchboard.engine.event.ConversationKey;

/** Maps a conversation key to its session shard; every sender must use this so a key has one owner. */
public final class Shards {
  private Shards() {
  }

  public static int of(ConversationKey key, int shardCount) {
    return Math.floorMod(key.asString().hashCode(), shardCount);
  }

  public static String address(ConversationKey key, int shardCount) {
    return Addresses.sessionShard(of(key, shardCount));
  }
}
