package dev.switchboard.edge.auth;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * One kind of admin credential (the operator token, a tenant API token, a console session). Answers the caller, or
 * {@code null} when the request does not carry this kind of credential, so the next authenticator can try; a
 * failed future means the credential was of this kind but is not valid.
 */
public interface Authenticator {
  Future<Caller> authenticate(RoutingContext ctx);
}
