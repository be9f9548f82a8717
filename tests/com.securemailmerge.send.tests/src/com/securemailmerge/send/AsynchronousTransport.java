package com.securemailmerge.send;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.securemailmerge.model.MergedMessage;

/**
 * A transport that submits as Exchange documents it: {@code /send} answers 202 at once, the draft
 * leaves Drafts, and the Sent Items copy, under the draft's (immutable) id, appears only after a
 * delay; until then the id is not found. Some answers to {@code /send} can be lost after the message
 * was accepted, and a message can be made to never appear (deleted by the user meanwhile).
 */
final class AsynchronousTransport implements Transport {

	private record Message(String tag, long visibleAt, boolean draft) {
	}

	private final Map<String, Message> byId = new ConcurrentHashMap<>();
	private final Random random;
	private final long maxDelayMillis;
	private final double lostAnswers;
	final AtomicInteger drafts = new AtomicInteger();
	final AtomicInteger sends = new AtomicInteger();
	final Map<String, AtomicInteger> deliveredByTag = new ConcurrentHashMap<>();
	volatile String vanishing = "";
	/** Messages whose first send is accepted but not carried out: they stay drafts (once each). */
	volatile String staysDraft = "";
	private final java.util.Set<String> keptAsDraft = ConcurrentHashMap.newKeySet();

	AsynchronousTransport(long seed, long maxDelayMillis, double lostAnswers) {
		this.random = new Random(seed);
		this.maxDelayMillis = maxDelayMillis;
		this.lostAnswers = lostAnswers;
	}

	@Override
	public boolean confirmsLater() {
		return true;
	}

	private boolean visible(Message message) {
		return !message.draft() && System.currentTimeMillis() >= message.visibleAt()
				&& !message.tag().endsWith(vanishing.isEmpty() ? "\u0000" : vanishing);
	}

	@Override
	public Optional<String> findDelivered(String tag) {
		return byId.entrySet().stream().filter(e -> e.getValue().tag().equals(tag) && visible(e.getValue()))
				.map(Map.Entry::getKey).findFirst();
	}

	@Override
	public Presence presence(String id) {
		Message message = byId.get(id);
		if (message == null) {
			return Presence.UNKNOWN;
		}
		return message.draft() ? Presence.DRAFT : visible(message) ? Presence.SENT : Presence.UNKNOWN;
	}

	@Override
	public synchronized String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException {
		String id = byId.entrySet().stream().filter(e -> e.getValue().tag().equals(tag) && e.getValue().draft())
				.map(Map.Entry::getKey).findFirst().orElseGet(() -> {
					String made = "AAMk" + drafts.incrementAndGet();
					byId.put(made, new Message(tag, 0, true));
					return made;
				});
		drafted.accept(id);
		sends.incrementAndGet();
		if (!staysDraft.isEmpty() && tag.endsWith(staysDraft) && keptAsDraft.add(tag)) {
			return id; // accepted (202), yet Exchange kept it a draft: nothing went out
		}
		long delay = maxDelayMillis == 0 ? 0 : (long) (random.nextDouble() * maxDelayMillis);
		byId.put(id, new Message(tag, System.currentTimeMillis() + delay, false));
		deliveredByTag.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
		if (random.nextDouble() < lostAnswers) {
			throw new TransientFailure("the answer to /send was lost", null, null);
		}
		return id;
	}
}
