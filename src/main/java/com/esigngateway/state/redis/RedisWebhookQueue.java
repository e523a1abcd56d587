package com.esigngateway.state.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.webhook.queue.Backlog;
import com.esigngateway.webhook.queue.DeadLetter;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.Receipt;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.esigngateway.webhook.queue.WebhookQueue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The shared store ({@code esign.state.store=redis}): every queue is a Redis stream with one consumer group — the
 * received webhooks' stream with the group {@value WebhookQueue#VERIFICATION}, and one stream per subscriber with a
 * group named after it — so that any replica takes the next entry ({@code XREADGROUP}), reports it done
 * ({@code XACK} and {@code XDEL}) and takes over what a crashed replica left pending longer than
 * {@code esign.webhooks.queue.claim-after} ({@code XAUTOCLAIM}). A failed attempt leaves the stream: it waits in a
 * sorted set by due time and goes back into the stream, as a new entry with its attempts counted, when it is due (so
 * the pending entries are only work in progress, and a long backoff is never mistaken for a crash). Dead letters are a
 * stream per queue, capped; the dedupe memory is one key per webhook with the dedupe window as its TTL; the disabled
 * subscribers a set. What is kept of a webhook or an event (signers' names and emails) is encrypted like the other
 * state ({@link RedisState#cipher()}). Every change is one Lua script, so a replica that dies between two commands leaves nothing half
 * done. Keys carry the state prefix in a hash tag ({@link RedisState#key}).
 * <p>
 * Due times are the replicas' clocks (they must agree to within a second or so); the takeover and the dedupe window
 * are Redis's.
 */
@ApplicationScoped
@Typed(RedisWebhookQueue.class)
public class RedisWebhookQueue implements WebhookQueue {

    private static final Logger LOG = Logger.getLogger(RedisWebhookQueue.class);

    /** Lua helpers: an entry's fields as a table, and whether {@code consumer} holds the entry now. */
    private static final String HELPERS = """
            local function fields(stream, id)
              local found = redis.call('XRANGE', stream, id, id)
              if #found == 0 then return nil end
              local f = {}
              local raw = found[1][2]
              for i = 1, #raw, 2 do f[raw[i]] = raw[i + 1] end
              return f
            end
            local function owns(stream, group, id, consumer)
              local pending = redis.call('XPENDING', stream, group, id, id, 1)
              return #pending == 1 and pending[1][2] == consumer
            end
            -- takes this consumer's pending entry out of the stream: its fields, nil when it is gone, false when
            -- another consumer holds it (then nothing changes)
            local function takeOut(stream, group, id, consumer)
              if not owns(stream, group, id, consumer) then return false end
              local f = fields(stream, id)
              redis.call('XACK', stream, group, id)
              redis.call('XDEL', stream, id)
              return f
            end
            local function waiting(stream, retry)
              return redis.call('XLEN', stream) + redis.call('ZCARD', retry)
            end
            """;

    /** KEYS: seen, stream, retry. ARGV: event id, dedupe window ms, capacity, item, enqueued at ms. */
    private static final Script RECEIVE = Script.of("webhook-receive", HELPERS + """
            local prior = redis.call('GET', KEYS[1])
            if prior then return {'duplicate', prior} end
            if waiting(KEYS[2], KEYS[3]) >= tonumber(ARGV[3]) then return {'full', ''} end
            redis.call('XADD', KEYS[2], '*', 'item', ARGV[4], 'enqueuedAt', ARGV[5], 'attempts', '0')
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return {'accepted', ARGV[1]}
            """);

    /**
     * KEYS: stream, retry, disabled. ARGV: group, consumer, max, now ms, claim-after ms, queue name. Retries that are
     * due go back into the stream; then entries pending too long elsewhere are taken over, then new ones are read.
     * Returns {id, item, enqueued at, attempts} per lease.
     */
    private static final Script LEASE = Script.of("webhook-lease", """
            local stream, retry, group, consumer = KEYS[1], KEYS[2], ARGV[1], ARGV[2]
            local max = tonumber(ARGV[3])
            if max <= 0 or redis.call('SISMEMBER', KEYS[3], ARGV[6]) == 1 then return {} end
            redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
            for _, member in ipairs(redis.call('ZRANGEBYSCORE', retry, '-inf', ARGV[4], 'LIMIT', 0, max)) do
              redis.call('ZREM', retry, member)
              local r = cjson.decode(member)
              redis.call('XADD', stream, '*', 'item', r.item, 'enqueuedAt', r.enqueuedAt, 'attempts', r.attempts)
            end
            local out = {}
            local function add(entries)
              for _, e in ipairs(entries) do
                if e and e[2] then
                  local f = {}
                  for i = 1, #e[2], 2 do f[e[2][i]] = e[2][i + 1] end
                  table.insert(out, {e[1], f.item, f.enqueuedAt, f.attempts or '0'})
                end
              end
            end
            add(redis.call('XAUTOCLAIM', stream, group, consumer, ARGV[5], '0-0', 'COUNT', max)[2])
            if #out < max then
              local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', max - #out, 'STREAMS', stream, '>')
              if read then add(read[1][2]) end
            end
            return out
            """);

    /** KEYS: stream. ARGV: group, id. Done wins even after a takeover: the event was delivered. */
    private static final Script DONE = Script.of("webhook-done", """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1
            """);

    /** KEYS: stream, retry. ARGV: group, consumer, id, due ms, attempts made. */
    private static final Script LATER = Script.of("webhook-later", HELPERS + """
            local f = takeOut(KEYS[1], ARGV[1], ARGV[3], ARGV[2])
            if not f then return 0 end
            redis.call('ZADD', KEYS[2], ARGV[4], cjson.encode({id = ARGV[3], item = f.item, enqueuedAt = f.enqueuedAt,
              attempts = ARGV[5]}))
            return 1
            """);

    /**
     * KEYS: stream, dead. ARGV: group, consumer, id, dead-letter capacity, subscriber ('' for verification), event
     * id, event type, attempts, reason, last error, dead at ms. Returns 0 (not ours), 1, or 2 (the oldest dropped).
     */
    private static final Script DEAD = Script.of("webhook-dead-letter", HELPERS + """
            local f = takeOut(KEYS[1], ARGV[1], ARGV[3], ARGV[2])
            if not f then return 0 end
            local dropped = redis.call('XLEN', KEYS[2]) >= tonumber(ARGV[4])
            redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], '*', 'subscriber', ARGV[5], 'eventId', ARGV[6],
              'eventType', ARGV[7], 'attempts', ARGV[8], 'reason', ARGV[9], 'lastError', ARGV[10],
              'enqueuedAt', f.enqueuedAt, 'deadAt', ARGV[11], 'item', f.item)
            if dropped then return 2 end
            return 1
            """);

    /**
     * KEYS: the verification stream, then per recipient its stream, retry set and dead stream. ARGV: group, consumer,
     * id, event, now ms, capacity, dead-letter capacity, event id, event type, recipients, then their names. Returns
     * the recipients whose queue was full, or {'-'} when the lease is not ours any more.
     */
    private static final Script VERIFIED = Script.of("webhook-verified", HELPERS + """
            if not owns(KEYS[1], ARGV[1], ARGV[3], ARGV[2]) then return {'-'} end
            local n = tonumber(ARGV[10])
            local full = {}
            for i = 1, n do
              local name, stream, retry, dead = ARGV[10 + i], KEYS[1 + i], KEYS[1 + n + i], KEYS[1 + 2 * n + i]
              if waiting(stream, retry) >= tonumber(ARGV[6]) then
                redis.call('XADD', dead, 'MAXLEN', ARGV[7], '*', 'subscriber', name, 'eventId', ARGV[8],
                  'eventType', ARGV[9], 'attempts', '0', 'reason', 'queue-full',
                  'lastError', "the subscriber's queue was full", 'enqueuedAt', ARGV[5], 'deadAt', ARGV[5], 'item', ARGV[4])
                table.insert(full, name)
              else
                redis.call('XADD', stream, '*', 'item', ARGV[4], 'enqueuedAt', ARGV[5], 'attempts', '0')
              end
            end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
            redis.call('XDEL', KEYS[1], ARGV[3])
            return full
            """);

    /** KEYS: dead, stream. ARGV: dead-letter entry id, now ms. Returns the dead letter's fields, empty when unknown. */
    private static final Script REPLAY = Script.of("webhook-replay", HELPERS + """
            local f = fields(KEYS[1], ARGV[1])
            if not f then return {} end
            redis.call('XDEL', KEYS[1], ARGV[1])
            redis.call('XADD', KEYS[2], '*', 'item', f.item, 'enqueuedAt', ARGV[2], 'attempts', '0')
            return {'subscriber', f.subscriber, 'eventId', f.eventId, 'eventType', f.eventType, 'attempts', f.attempts,
              'reason', f.reason, 'lastError', f.lastError, 'enqueuedAt', f.enqueuedAt, 'deadAt', f.deadAt, 'item', f.item}
            """);

    /** KEYS: per queue its stream, retry set and dead stream. Returns {waiting, oldest enqueued ms or '', dead} each. */
    private static final Script BACKLOG = Script.of("webhook-backlog", """
            local out = {}
            for i = 1, #KEYS, 3 do
              local stream, retry, dead = KEYS[i], KEYS[i + 1], KEYS[i + 2]
              local oldest = ''
              local first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)
              if #first == 1 then
                local raw = first[1][2]
                for j = 1, #raw, 2 do if raw[j] == 'enqueuedAt' then oldest = raw[j + 1] end end
              end
              local soonest = redis.call('ZRANGE', retry, 0, 0)
              if #soonest == 1 then
                local r = cjson.decode(soonest[1])
                if oldest == '' or tonumber(r.enqueuedAt) < tonumber(oldest) then oldest = r.enqueuedAt end
              end
              table.insert(out, {redis.call('XLEN', stream) + redis.call('ZCARD', retry), oldest, redis.call('XLEN', dead)})
            end
            return out
            """);

    private final RedisState redis;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int capacity;
    private final int deadLetterCapacity;
    private final Duration dedupeWindow;
    private final Duration claimAfter;
    private final Set<String> subscribers;
    private final String consumer;

    @Inject
    RedisWebhookQueue(RedisState redis, ObjectMapper mapper, WebhookConfig config, Clock clock) {
        this(redis, mapper, config, clock, consumerName());
    }

    /** Host (the pod's name), process and a random part: who holds what shows in XINFO CONSUMERS and XPENDING. */
    static String consumerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "gateway");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** With a consumer name of its own: a test plays a second replica with it. */
    public RedisWebhookQueue(RedisState redis, ObjectMapper mapper, WebhookConfig config, Clock clock, String consumer) {
        this.redis = redis;
        this.mapper = mapper;
        this.clock = clock;
        this.capacity = config.queue().capacity();
        this.deadLetterCapacity = config.queue().deadLetterCapacity();
        this.dedupeWindow = config.inbound().dedupeWindow();
        this.claimAfter = config.queue().claimAfter();
        this.subscribers = config.subscribers().keySet();
        this.consumer = consumer;
    }

    @Override
    public Uni<Receipt> receive(ReceivedWebhook webhook, String dedupeKey) {
        return redis.run(RECEIVE, List.of(redis.key("webhooks:seen:" + dedupeKey), stream(VERIFICATION), retry(VERIFICATION)),
                List.of(webhook.eventId(), String.valueOf(Math.max(1, dedupeWindow.toMillis())), String.valueOf(capacity),
                        json(webhook), millis(webhook.receivedAt())))
                .map(answer -> switch (answer.get(0).toString()) {
                    case "accepted" -> Receipt.accepted(answer.get(1).toString());
                    case "duplicate" -> Receipt.duplicate(answer.get(1).toString());
                    default -> Receipt.full();
                });
    }

    @Override
    public Uni<List<Lease<ReceivedWebhook>>> dueForVerification(int max, Instant now) {
        return lease(VERIFICATION, max, now, ReceivedWebhook.class);
    }

    @Override
    public Uni<Void> verified(Lease<ReceivedWebhook> lease, VerifiedEvent event, Set<String> recipients) {
        List<String> names = List.copyOf(new TreeSet<>(recipients));
        List<String> keys = new ArrayList<>();
        keys.add(stream(VERIFICATION));
        names.forEach(name -> keys.add(stream(name)));
        names.forEach(name -> keys.add(retry(name)));
        names.forEach(name -> keys.add(dead(name)));
        List<String> args = new ArrayList<>(List.of(VERIFICATION, consumer, lease.id(), json(event), millis(clock.instant()),
                String.valueOf(capacity), String.valueOf(deadLetterCapacity), event.eventId(), event.type(),
                String.valueOf(names.size())));
        args.addAll(names);
        return redis.run(VERIFIED, keys, args).invoke(full -> {
            for (Response name : full) {
                if ("-".equals(name.toString())) {
                    LOG.infof("Event %s was taken over by another replica before it was verified here", event.eventId());
                } else {
                    LOG.warnf("Event %s: the queue of subscriber %s is full (%d events); it goes to the dead letters",
                            event.eventId(), name, capacity);
                }
            }
        }).replaceWithVoid();
    }

    @Override
    public Uni<List<Lease<VerifiedEvent>>> dueForDelivery(String subscriber, int max, Instant now) {
        return lease(subscriber, max, now, VerifiedEvent.class);
    }

    @Override
    public Uni<Void> done(Lease<?> lease) {
        String queue = queueOf(lease);
        return redis.run(DONE, List.of(stream(queue)), List.of(queue, lease.id())).replaceWithVoid();
    }

    @Override
    public Uni<Void> later(Lease<?> lease, Instant notBefore, String lastError) {
        String queue = queueOf(lease);
        return redis.run(LATER, List.of(stream(queue), retry(queue)),
                List.of(queue, consumer, lease.id(), millis(notBefore), String.valueOf(lease.attempt()))).replaceWithVoid();
    }

    @Override
    public Uni<Void> deadLetter(Lease<?> lease, String reason, String lastError, Instant now) {
        String queue = queueOf(lease);
        boolean verification = VERIFICATION.equals(queue);
        String eventId = lease.item() instanceof ReceivedWebhook received ? received.eventId()
                : ((VerifiedEvent) lease.item()).eventId();
        String type = verification ? "" : ((VerifiedEvent) lease.item()).type();
        return redis.run(DEAD, List.of(stream(queue), dead(queue)), List.of(queue, consumer, lease.id(),
                String.valueOf(deadLetterCapacity), verification ? "" : queue, eventId, type, String.valueOf(lease.attempt()),
                reason, lastError == null ? "" : lastError, millis(now)))
                .invoke(answer -> {
                    if (answer.toLong() == 2) {
                        LOG.warnf("Dead letters of queue %s full (%d): dropped the oldest", queue, deadLetterCapacity);
                    }
                }).replaceWithVoid();
    }

    @Override
    public Uni<List<DeadLetter>> deadLetters(Optional<String> queue, int limit) {
        List<String> queues = queue.map(List::of).orElseGet(this::queues);
        Uni<List<DeadLetter>> all = Uni.createFrom().item(new ArrayList<>());
        for (String name : queues) {
            all = all.chain(letters -> redis.execute("XRANGE", dead(name), "-", "+", "COUNT", String.valueOf(limit))
                    .map(entries -> {
                        for (Response entry : entries) {
                            letters.add(deadLetter(name, entry.get(0).toString(), pairs(entry.get(1))));
                        }
                        return letters;
                    }));
        }
        return all.map(letters -> letters.stream()
                .sorted(Comparator.comparing(DeadLetter::deadAt).thenComparing(DeadLetter::id))
                .limit(limit).toList());
    }

    @Override
    public Uni<Optional<DeadLetter>> replay(String deadLetterId, Instant now) {
        int separator = deadLetterId.lastIndexOf('~');
        if (separator <= 0 || !deadLetterId.substring(separator + 1).matches("\\d+-\\d+")) {
            return Uni.createFrom().item(Optional.empty());
        }
        String queue = deadLetterId.substring(0, separator);
        String entryId = deadLetterId.substring(separator + 1);
        return redis.run(REPLAY, List.of(dead(queue), stream(queue)), List.of(entryId, millis(now)))
                .map(answer -> answer.size() == 0 ? Optional.<DeadLetter> empty()
                        : Optional.of(deadLetter(queue, entryId, pairs(answer))));
    }

    @Override
    public Uni<Void> disable(String subscriber, String reason) {
        return redis.execute("SADD", disabledKey(), subscriber).replaceWithVoid();
    }

    @Override
    public Uni<Void> enable(String subscriber) {
        return redis.execute("SREM", disabledKey(), subscriber).replaceWithVoid();
    }

    @Override
    public Uni<Set<String>> disabled() {
        return redis.execute("SMEMBERS", disabledKey()).map(members -> {
            Set<String> names = new HashSet<>();
            members.forEach(member -> names.add(member.toString()));
            return Set.copyOf(names);
        });
    }

    @Override
    public Uni<Backlog> backlog(Instant now) {
        List<String> names = queues();
        List<String> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(stream(name));
            keys.add(retry(name));
            keys.add(dead(name));
        }
        return redis.run(BACKLOG, keys, List.of()).map(answer -> {
            Map<String, Backlog.Queue> queues = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                Response row = answer.get(i);
                int waiting = row.get(0).toInteger();
                String oldest = row.get(1).toString();
                queues.put(names.get(i), new Backlog.Queue(waiting,
                        oldest.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(oldest)), row.get(2).toInteger(),
                        waiting >= capacity));
            }
            return new Backlog(queues);
        });
    }

    private <T> Uni<List<Lease<T>>> lease(String queue, int max, Instant now, Class<T> type) {
        if (max <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return redis.run(LEASE, List.of(stream(queue), retry(queue), disabledKey()),
                List.of(queue, consumer, String.valueOf(max), millis(now), String.valueOf(Math.max(1, claimAfter.toMillis())),
                        queue))
                .map(entries -> {
                    List<Lease<T>> leases = new ArrayList<>();
                    for (Response entry : entries) {
                        String id = entry.get(0).toString();
                        T item;
                        try {
                            item = read(entry.get(1).toString(), type);
                        } catch (RuntimeException unreadable) {
                            // another key (replicas must share credentials or esign.state.redis.encryption-key): left
                            // pending, so that a replica that can read it takes it over; never dropped
                            LOG.warnf("Status event entry %s of queue %s cannot be read here (%s); left for another replica",
                                    id, queue, unreadable.getMessage());
                            continue;
                        }
                        leases.add(new Lease<>(queue, id, item, Integer.parseInt(entry.get(3).toString()) + 1,
                                Instant.ofEpochMilli(Long.parseLong(entry.get(2).toString()))));
                    }
                    return leases;
                });
    }

    private DeadLetter deadLetter(String queue, String entryId, Map<String, String> fields) {
        boolean verification = fields.getOrDefault("subscriber", "").isEmpty();
        String item = fields.get("item");
        return new DeadLetter(queue + "~" + entryId, verification ? null : fields.get("subscriber"), fields.get("eventId"),
                verification ? null : fields.get("eventType"), Integer.parseInt(fields.getOrDefault("attempts", "0")),
                fields.get("reason"), emptyToNull(fields.get("lastError")),
                Instant.ofEpochMilli(Long.parseLong(fields.get("enqueuedAt"))),
                Instant.ofEpochMilli(Long.parseLong(fields.get("deadAt"))),
                verification ? read(item, ReceivedWebhook.class) : null, verification ? null : read(item, VerifiedEvent.class));
    }

    private static Map<String, String> pairs(Response flat) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            Response value = flat.get(i + 1);
            fields.put(flat.get(i).toString(), value == null ? null : value.toString());
        }
        return fields;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The verification queue and the configured subscribers. */
    private List<String> queues() {
        Set<String> names = new LinkedHashSet<>();
        names.add(VERIFICATION);
        names.addAll(new TreeSet<>(subscribers));
        return List.copyOf(names);
    }

    private static String queueOf(Lease<?> lease) {
        return lease.queue();
    }

    private String stream(String queue) {
        return redis.key(VERIFICATION.equals(queue) ? "webhooks:received" : "webhooks:events:" + queue);
    }

    private String retry(String queue) {
        return stream(queue) + ":retry";
    }

    private String dead(String queue) {
        return stream(queue) + ":dead";
    }

    private String disabledKey() {
        return redis.key("webhooks:disabled");
    }

    private static String millis(Instant instant) {
        return String.valueOf(instant.toEpochMilli());
    }

    /** As JSON, encrypted: events carry signers' names and emails, which are not kept in Redis in the clear. */
    private String json(Object value) {
        try {
            return redis.cipher().encrypt(mapper.writeValueAsString(value), purpose(value.getClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String sealed, Class<T> type) {
        try {
            return mapper.readValue(redis.cipher().decrypt(sealed, purpose(type)), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " kept in Redis", e);
        }
    }

    private static String purpose(Class<?> type) {
        return "webhooks:" + type.getSimpleName();
    }
}
