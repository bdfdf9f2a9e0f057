package dev.journeys.samples.dashboard;

import dev.journeys.api.Actor;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.StalledContact;
import dev.journeys.api.TriggerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trickle of live activity so that the dashboard has something to show moving: new sign-ups (manual moves
 * by the sign-up form), the program's events published to automations, and now and then a program manager's
 * manual move. One {@link #tick()} every period on a daemon thread.
 */
public final class LiveTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTraffic.class);

    private final JourneyService journeys;
    private final ReferralProgram program;
    private final List<String> contacts;
    private final Random random;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private ScheduledExecutorService timer;

    public LiveTraffic(JourneyService journeys, ReferralProgram program, List<String> seededContacts, long seed) {
        this.journeys = journeys;
        this.program = program;
        this.contacts = new ArrayList<>(seededContacts);
        this.random = new Random(seed);
    }

    /** Ticks every {@code period} until closed. */
    public synchronized LiveTraffic start(Duration period) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "dashboard-live-traffic");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::safeTick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("live traffic tick failed: {}", e.toString());
        }
    }

    /** One second's worth of activity. */
    public synchronized void tick() {
        if (random.nextDouble() < 0.8) {
            String contact = "live." + runId + "." + sequence.incrementAndGet() + "@example.com";
            journeys.move(MoveRequest.to(contact, program.referral().id(), program.referralStage(ReferralProgram.ENROLLED),
                    Actor.person("signup-form")));
            contacts.add(contact);
        }
        int events = random.nextInt(4); // 0..3, 1.5 a second on average
        for (int i = 0; i < events && !contacts.isEmpty(); i++) {
            nextEvent(contacts.get(random.nextInt(contacts.size()))).ifPresent(event -> {
                try {
                    journeys.automations().publish(event);
                } catch (RuntimeException e) {
                    LOG.debug("event {} refused: {}", event.eventId(), e.toString());
                }
            });
        }
        if (random.nextDouble() < 0.05) {
            manualMove();
        }
    }

    /** The event that would move the contact one step further, if any. */
    Optional<TriggerEvent> nextEvent(String contact) {
        Optional<Placement> placement = journeys.placement(contact, program.referral().id());
        if (placement.isEmpty()) {
            return Optional.empty();
        }
        String id = "live-" + runId + "-" + sequence.incrementAndGet();
        Instant now = Instant.now();
        StageId stage = placement.get().stageId();
        if (stage.equals(program.referralStage(ReferralProgram.ENROLLED))) {
            return Optional.of(TriggerEvent.of(id, ReferralTriggers.INVITE_SENT, contact, now)
                    .with("invite_id", "inv-" + id).with("channel", random.nextBoolean() ? "email" : "whatsapp"));
        }
        if (stage.equals(program.referralStage(ReferralProgram.FIRST_REFERRAL_SENT))) {
            return Optional.of(TriggerEvent.of(id, ReferralTriggers.ORDER_RECEIVED, contact, now)
                    .with("order_id", "ord-" + id).with("amount", (20 + random.nextInt(200)) + ".00").with("currency", "USD"));
        }
        if (stage.equals(program.referralStage(ReferralProgram.FIRST_ORDER_RECEIVED))) {
            return Optional.of(TriggerEvent.of(id, ReferralTriggers.REWARD_PAID, contact, now)
                    .with("reward_id", "rwd-" + id).with("amount", "25.00"));
        }
        // Rewarded: the next thing they might do for the brand.
        int next = journeys.placement(contact, program.advocacy().id())
                .map(p -> program.advocacy().stage(p.stageId()).orElseThrow().position())
                .orElse(0);
        int kind = Math.min(Math.max(next, 0), ReferralTriggers.ACTIVITY_KINDS.size() - 1);
        return Optional.of(TriggerEvent.of(id, ReferralTriggers.ADVOCATE_ACTIVITY, contact, now)
                .with("kind", ReferralTriggers.ACTIVITY_KINDS.get(kind)));
    }

    /** A program manager at work: pays a stalled reward by hand, or takes a long-silent advocate out. */
    private void manualMove() {
        boolean payReward = random.nextBoolean();
        StageId from = program.referralStage(payReward ? ReferralProgram.FIRST_ORDER_RECEIVED : ReferralProgram.ENROLLED);
        List<StalledContact> stalled = journeys.dashboard()
                .stalledContacts(program.referral().id(), from, Optional.empty(), PageRequest.first(20)).items();
        if (stalled.isEmpty()) {
            return;
        }
        String contact = stalled.get(random.nextInt(stalled.size())).contactKey();
        Actor manager = Actor.person("program-manager");
        journeys.move(payReward
                ? MoveRequest.to(contact, program.referral().id(), program.referralStage(ReferralProgram.REWARD_PAID), manager)
                        .withNote("reward paid by hand")
                : MoveRequest.exit(contact, program.referral().id(), manager).withNote("opted out"));
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
