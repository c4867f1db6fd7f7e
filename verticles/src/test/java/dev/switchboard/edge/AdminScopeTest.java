package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.automation.IntegrationActions;
import dev.switchboard.edge.auth.AdminAuth;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.channel.email.ParsedMail;
import dev.switchboard.engine.store.memory.MemoryIntegrationStore;
import dev.switchboard.engine.store.memory.MemoryMailboxStore;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.edge.auth.OperatorToken;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.session.BookingSync;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.report.MetricsDay;
import dev.switchboard.engine.schedule.CatchUp;
import dev.switchboard.engine.schedule.ScheduleJob;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.ApiToken;
import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.TenantRecord;
import dev.switchboard.outbound.Outbox;
import dev.switchboard.outbound.SandboxLog;
import dev.switchboard.privacy.ContactPrivacy;
import dev.switchboard.session.LocalSessionGateway;
import dev.switchboard.store.Storage;
import dev.switchboard.tenant.ConfigReloader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.memory.MemoryOperatorStore;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A credential bound to one tenant never reads or changes another tenant's data, on every admin route the OpenAPI
 * document lists: each route is called with the other tenant's identifiers in the path, the query and the body.
 * New routes are covered as soon as they are documented.
 */
@ExtendWith(VertxExtension.class)
class AdminScopeTest {
  static final String OTHER = "beta-corp";
  static final String OTHER_CONTACT = "5511999990002";
  static final String OTHER_TEXT = "segredo-do-beta";
  // Named like the tenant, so the {id} the test puts in token paths hits it.
  static final String OTHER_TOKEN = OTHER;
  // Named like the tenant, so the {username} the test puts in operator paths hits it.
  static final String OTHER_OPERATOR = OTHER;
  static final ConversationKey OTHER_KEY = new ConversationKey(OTHER, "beta-wa", "+" + OTHER_CONTACT);
  static final ConversationKey OWN_KEY = new ConversationKey("alpha", "alpha-wa", "+5511988887777");
  static final Instant T0 = Instant.parse("2026-11-20T13:00:00Z");

  static Stores stores;
  static SandboxLog sandbox;
  static HttpServer server;
  static WebClient client;
  static String deadId;
  static MemoryIntegrationStore integrations;
  static Operators operators;

  @BeforeAll
  static void start(Vertx vertx) {
    stores = Storage.memory(new StorageConfig(StorageConfig.Mode.MEMORY, 0, 0, null, null));
    sandbox = new SandboxLog(10);
    seed(OWN_KEY, "oi do alpha");
    seed(OTHER_KEY, OTHER_TEXT);
    deadId = OutboundCommand.idFor(OTHER, "beta-wa/evt-dead", 0);
    OutboundCommand dead = OutboundCommand.pending(deadId, OTHER_KEY, ChannelType.WHATSAPP, "whatsapp",
        OTHER_CONTACT, new OutboundPayload.Text(OTHER_TEXT, null), T0, "cid").dead("provider said no");
    stores.outbox().addIfAbsent(dead).await();
    stores.tenants().upsert(new TenantRecord(OTHER, "rules", 60, List.of(), T0)).await();
    stores.tenants().upsert(new TenantRecord("alpha", "rules", 60, List.of(), T0)).await();
    sandbox.add(new SandboxLog.Entry(deadId, OTHER, "beta-wa", OTHER_CONTACT, OTHER_TEXT, T0));
    stores.apiTokens().add(new ApiToken(OTHER_TOKEN, OTHER, "beta erp", "00", "operator", T0, null)).await();
    // Named like the tenant, so the {id} the test puts in schedule paths hits it.
    stores.tenantSchedules().put(new TenantSchedule(OTHER, OTHER, "beta report", "0 8 * * *", "America/Sao_Paulo",
        ScheduleJob.ROLLUP, Map.of("days", 2), CatchUp.RUN_ONCE, false, T0, "api", T0), false).await();
    // Named like the tenant, so the {id} the test puts in booking paths hits it.
    stores.bookings().insert(new Booking(OTHER, OTHER_KEY, "calendar", "uid-beta", T0.plusSeconds(86_400),
        T0.plusSeconds(88_200), BookingStatus.CONFIRMED, null, OTHER_TEXT, null, T0, T0)).await();
    stores.reports().replaceDay(OTHER, LocalDate.now(), List.of(new MetricsDay(OTHER, LocalDate.now(), "beta-wa",
        1, 1, 1, 0, 0, 0, 0, null, null, 0, 0, 0))).await();

    var config = ConfigLoader.parse("adminToken: x", k -> null);
    var directory = new TenantDirectory(config);
    var reloader = new ConfigReloader(vertx, () -> config, directory, stores, Clock.systemUTC(), "test", null);
    AdminAuth auth = new AdminAuth(List.of(new OperatorToken("operator-token"),
        ctx -> Future.succeededFuture("Bearer alpha-token".equals(ctx.request().getHeader("Authorization"))
            ? new Caller("token:alpha", Caller.Role.TENANT, Set.of("alpha")) : null),
        ctx -> Future.succeededFuture("Bearer alpha-agent".equals(ctx.request().getHeader("Authorization"))
            ? new Caller("agent:ana", Caller.Role.AGENT, Set.of("alpha")) : null),
        ctx -> Future.succeededFuture("Bearer alpha-admin".equals(ctx.request().getHeader("Authorization"))
            ? new Caller("agent:root", Caller.Role.ADMIN, Set.of("alpha")) : null)));
    operators = new Operators(vertx, new MemoryOperatorStore(), stores.rateLimiter(), Clock.systemUTC());
    operators.store().put(new Operator(OTHER_OPERATOR, "x", Operator.Role.AGENT, Set.of(OTHER), "api", T0)).await();
    Router router = Router.router(vertx);
    OperatorRoutes operatorRoutes = new OperatorRoutes(operators, directory, Clock.systemUTC());
    operatorRoutes.mountLogin(router);
    new AdminRoutes(vertx, stores, sandbox, auth, new LocalSessionGateway(vertx.eventBus(), 1),
        reloader).mount(router);
    new ActionRoutes(vertx, stores, directory, Clock.systemUTC(),
        new Outbox(vertx.eventBus(), stores.outbox(), stores.audit(), Clock.systemUTC()),
        new LocalSessionGateway(vertx.eventBus(), 1)).mount(router);
    new AiRoutes(vertx, directory, stores.knowledge()).mount(router);
    new ScheduleRoutes(vertx, directory, stores, Clock.systemUTC()).mount(router);
    new TokenRoutes(directory, stores.apiTokens(), Clock.systemUTC()).mount(router);
    new TenantRoutes(stores.tenantConfigs(), reloader, Clock.systemUTC()).mount(router);
    new ContactRoutes(new ContactPrivacy(stores, sandbox, directory, Clock.systemUTC())).mount(router);
    integrations = new MemoryIntegrationStore();
    integrations.addIfAbsent(otherIntegration()).await();
    new IntegrationRoutes(directory, new IntegrationActions(integrations, new MemoryMailboxStore(), directory,
        new Outbox(vertx.eventBus(), stores.outbox(), stores.audit(), Clock.systemUTC()), Clock.systemUTC()))
        .mount(router);
    operatorRoutes.mount(router);
    new ConsoleEvents(vertx, operators, ConsoleEvents.HEARTBEAT_MS).mount(router);
    new TodayRoutes(directory, stores.reports(), Clock.systemUTC()).mount(router);
    new BookingRoutes(directory, new BookingSync(stores.bookings(), new LocalSessionGateway(vertx.eventBus(), 1),
        Clock.systemUTC())).mountAdmin(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    client = WebClient.create(vertx);
  }

  /** A FAILED integration of the other tenant, with its contact and text; its id is the tenant's, like the paths. */
  private static IntegrationRecord otherIntegration() {
    ParsedMail mail = new ParsedMail("m-1@beta", OTHER_CONTACT + "@beta.example", "Beta", OTHER_TEXT, T0, OTHER_TEXT,
        List.of(), false);
    return new IntegrationRecord(OTHER, OTHER, "beta-inbox", "m-1@beta", "beta-rule", IntegrationStatus.FAILED, 1,
        OTHER_CONTACT + "@beta.example", MailSource.of(mail).json(), null, List.of("trello http 500"), null, 0, T0, T0,
        List.of());
  }

  private static void seed(ConversationKey key, String text) {
    Conversation c = Conversation.open(key, key.contactId().substring(1), T0);
    stores.conversations().commit(new SessionStep(c, List.of(new Turn(Direction.INBOUND, text, "evt-" + text, T0)),
        List.of(), List.of(), List.of())).await();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close().await();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer alpha-token", "Bearer alpha-agent", "Bearer alpha-admin"})
  void aScopedCallerSeesNothingOfAnotherTenantOnAnyDocumentedRoute(String credential) throws IOException {
    List<String> leaks = new ArrayList<>();
    for (var route : documentedRoutes()) {
      HttpResponse<Buffer> res = call(route.method(), route.path(), credential);
      // An id the caller sent may be echoed back (e.g. "not_found" for it): that tells nothing new.
      String body = res.bodyAsString() == null ? "" : res.bodyAsString().replace(deadId, "<sent id>");
      boolean refused = res.statusCode() == 400 || res.statusCode() == 403 || res.statusCode() == 404;
      if (!refused && (body.contains(OTHER) || body.contains(OTHER_CONTACT) || body.contains(OTHER_TEXT))) {
        leaks.add(route + " -> " + res.statusCode() + " " + body);
      }
      if (res.statusCode() / 100 == 5) {
        leaks.add(route + " -> " + res.statusCode() + " (a scoped caller must be refused before any work)");
      }
    }
    assertThat(leaks).isEmpty();
    // Nothing of the other tenant changed either.
    assertThat(stores.outbox().get(deadId).await().status()).isEqualTo(CommandStatus.DEAD);
    assertThat(stores.conversations().find(OTHER_KEY).await().state().name()).isEqualTo("BOT");
    assertThat(stores.outbox().list(OTHER, null, 100).await()).hasSize(1);
    assertThat(stores.apiTokens().find(OTHER_TOKEN).await().revoked()).isFalse();
    assertThat(stores.apiTokens().list(OTHER).await()).hasSize(1);
    TenantSchedule schedule = stores.tenantSchedules().get(OTHER, OTHER).await();
    assertThat(schedule).isNotNull();
    assertThat(schedule.paused()).isFalse();
    assertThat(stores.tenantSchedules().runs(OTHER, OTHER, 10).await()).isEmpty();
    IntegrationRecord integration = integrations.get(OTHER).await();
    assertThat(integration.status()).isEqualTo(IntegrationStatus.FAILED);
    assertThat(integration.version()).isZero();
    assertThat(operators.store().find(OTHER_OPERATOR).await().tenants()).containsExactly(OTHER);
    assertThat(stores.bookings().get(OTHER).await().status()).isEqualTo(BookingStatus.CONFIRMED);
  }

  @Test
  void theOperatorSeesTheOtherTenantSoTheScopeCheckAboveIsMeaningful() {
    HttpResponse<Buffer> res = call(HttpMethod.GET, "/admin/v1/conversations?tenant=" + OTHER, "Bearer operator-token");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.bodyAsString()).contains(OTHER_CONTACT);
    assertThat(call(HttpMethod.GET, "/admin/v1/dead-letters", "Bearer operator-token").bodyAsString()).contains(deadId);
    assertThat(call(HttpMethod.GET, "/admin/v1/integrations/" + OTHER, "Bearer operator-token").bodyAsString())
        .contains(OTHER_CONTACT, OTHER_TEXT);
  }

  @Test
  void aTenantTokenWorksOnItsOwnTenantWithoutNamingIt() {
    HttpResponse<Buffer> res = call(HttpMethod.GET, "/admin/v1/conversations", "Bearer alpha-token");
    assertThat(res.statusCode()).isEqualTo(200);
    JsonArray items = res.bodyAsJsonObject().getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getString("tenant")).isEqualTo("alpha");
    assertThat(call(HttpMethod.GET, "/admin/v1/tenants", "Bearer alpha-token").bodyAsString())
        .contains("alpha").doesNotContain(OTHER);
  }

  @Test
  void serviceWideRoutesAreForTheOperatorOnlyAndNoCredentialIs401() {
    HttpResponse<Buffer> reload = call(HttpMethod.POST, "/admin/v1/config/reload", "Bearer alpha-token");
    assertThat(reload.statusCode()).isEqualTo(403);
    assertThat(reload.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
    assertThat(call(HttpMethod.GET, "/admin/v1/conversations?tenant=alpha", null).statusCode()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/admin/v1/conversations?tenant=alpha", "Bearer wrong").statusCode())
        .isEqualTo(401);
  }

  /**
   * A contact's data (LGPD export and erase): a tenant token reaches only its own tenant's contacts — naming another
   * tenant is refused, and without a tenant the same number is looked up in its own tenant only. An agent of the
   * tenant may not export or erase; the operator may, so the refusals above are about scope.
   */
  @Test
  void aTenantTokenExportsAndErasesOnlyItsOwnTenantsContacts() {
    String contact = "/admin/v1/contacts/" + URLEncoder.encode(OTHER_KEY.contactId(), StandardCharsets.UTF_8);
    assertThat(call(HttpMethod.GET, contact + "/export", "Bearer alpha-token").statusCode()).isEqualTo(404);
    HttpResponse<Buffer> erase = call(HttpMethod.POST, contact + "/erase", "Bearer alpha-token");
    assertThat(erase.statusCode()).as("the body names the other tenant").isEqualTo(403);
    var request = client.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", contact + "/erase")
        .putHeader("Authorization", "Bearer alpha-token");
    JsonObject own = request.sendJsonObject(new JsonObject().put("confirm", true)).await().bodyAsJsonObject();
    assertThat(own.getString("tenant")).isEqualTo("alpha");
    assertThat(own.getString("status")).isEqualTo("nothing-held");
    assertThat(stores.conversations().find(OTHER_KEY).await()).isNotNull();
    assertThat(stores.conversations().messages(OTHER_KEY, 10).await()).extracting(Turn::text).contains(OTHER_TEXT);

    HttpResponse<Buffer> operator = call(HttpMethod.GET, contact + "/export?tenant=" + OTHER, "Bearer operator-token");
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(operator.bodyAsString()).contains(OTHER_TEXT);
    assertThat(call(HttpMethod.GET, contact + "/export?tenant=alpha", "Bearer alpha-agent").statusCode())
        .isEqualTo(403);
  }

  private record Route(HttpMethod method, String path) {
  }

  /** Every documented route, with the other tenant's ids in its path parameters and query. */
  private static List<Route> documentedRoutes() throws IOException {
    JsonObject doc;
    try (InputStream in = AdminScopeTest.class.getResourceAsStream("/openapi/admin-v1.json")) {
      doc = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    String key = URLEncoder.encode(OTHER_KEY.asString(), StandardCharsets.UTF_8);
    List<Route> routes = new ArrayList<>();
    doc.getJsonObject("paths").forEach(p -> {
      if (p.getKey().equals("/openapi.json")) {
        return;
      }
      String path = "/admin/v1" + p.getKey().replace("{key}", key)
          .replace("/contacts/{id}", "/contacts/" + URLEncoder.encode(OTHER_KEY.contactId(), StandardCharsets.UTF_8))
          .replaceAll("\\{[a-zA-Z]+}", OTHER)
          + "?tenant=" + OTHER;
      ((JsonObject) p.getValue()).fieldNames()
          .forEach(m -> routes.add(new Route(HttpMethod.valueOf(m.toUpperCase()), path)));
    });
    assertThat(routes).hasSizeGreaterThan(10);
    return routes;
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String authorization) {
    var request = client.request(method, server.actualPort(), "127.0.0.1", path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    JsonObject body = new JsonObject().put("tenant", OTHER).put("ids", new JsonArray().add(deadId))
        .put("text", "oi").put("target", "beta-wa").put("recipient", OTHER_CONTACT).put("sourceId", "s-1")
        .put("payload", new JsonObject().put("kind", "text").put("text", "oi"));
    return (method == HttpMethod.GET ? request.send() : request.sendJsonObject(body)).await();
  }
}
