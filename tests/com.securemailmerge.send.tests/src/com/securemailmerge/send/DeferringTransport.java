package com.securemailmerge.send;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.securemailmerge.model.MergedMessage;

/**
 * A transport with Exchange's deferred delivery as Microsoft documents PidTagDeferredSendTime: a
 * message sent with a time still to come is held in the Outbox (no draft any more) until then, one
 * whose time has passed goes out at once, and a held one may be deleted and then never goes out.
 * The test moves time on ({@link #release}); answers to {@code /send} can be lost after the message
 * was taken (every n-th).
 */
final class DeferringTransport implements Transport {

	private record Message(String tag, Instant due, boolean draft, boolean sent) {
	}

	private final Map<String, Message> byId = new ConcurrentHashMap<>();
	final AtomicInteger drafts = new AtomicInteger();
	final Map<String, AtomicInteger> deliveredByTag = new ConcurrentHashMap<>();
	final Map<String, Instant> dueByTag = new ConcurrentHashMap<>();
	volatile int loseEveryNth;
	private final AtomicInteger sends = new AtomicInteger();
	private volatile Instant now;

	DeferringTransport(Instant now) {
		this.now = now;
	}

	@Override
	public boolean confirmsLater() {
		return true;
	}

	@Override
	public boolean schedules() {
		return true;
	}

	/** The clock moves on: every held message whose time has come goes out. */
	synchronized void release(Instant upTo) {
		now = upTo;
		byId.replaceAll((id, m) -> {
			if (!m.draft() && !m.sent() && !m.due().isAfter(upTo)) {
				deliveredByTag.computeIfAbsent(m.tag(), t -> new AtomicInteger()).incrementAndGet();
				return new Message(m.tag(), m.due(), false, true);
			}
			return m;
		});
	}

	int held() {
		return (int) byId.values().stream().filter(m -> !m.draft() && !m.sent()).count();
	}

	@Override
	public Optional<String> findDelivered(String tag) {
		return byId.entrySet().stream().filter(e -> e.getValue().tag().equals(tag) && e.getValue().sent())
				.map(Map.Entry::getKey).findFirst();
	}

	@Override
	public Optional<String> findScheduled(String tag) {
		return byId.entrySet().stream()
				.filter(e -> e.getValue().tag().equals(tag) && !e.getValue().draft() && !e.getValue().sent())
				.map(Map.Entry::getKey).findFirst();
	}

	@Override
	public synchronized boolean withdraw(String id) {
		Message message = byId.get(id);
		if (message == null || message.sent()) {
			return false;
		}
		byId.remove(id);
		return true;
	}

	@Override
	public Presence presence(String id) {
		Message message = byId.get(id);
		if (message == null) {
			return Presence.UNKNOWN;
		}
		return message.draft() ? Presence.DRAFT : message.sent() ? Presence.SENT : Presence.SCHEDULED;
	}

	@Override
	public String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException {
		return schedule(message, tag, drafted, Instant.EPOCH);
	}

	@Override
	public synchronized String schedule(MergedMessage message, String tag, Consumer<String> drafted, Instant due)
			throws IOException {
		String id = byId.entrySet().stream().filter(e -> e.getValue().tag().equals(tag) && e.getValue().draft())
				.map(Map.Entry::getKey).findFirst().orElseGet(() -> {
					String made = "AAMk" + drafts.incrementAndGet();
					byId.put(made, new Message(tag, due, true, false));
					return made;
				});
		drafted.accept(id);
		byId.put(id, new Message(tag, due, false, false));
		if (!due.isAfter(now)) {
			release(now); // a time that has passed: out at once
		} else {
			dueByTag.put(tag, due);
		}
		if (loseEveryNth > 0 && sends.incrementAndGet() % loseEveryNth == 0) {
			throw new TransientFailure("the answer to /send was lost", null, null);
		}
		return id;
	}
}
