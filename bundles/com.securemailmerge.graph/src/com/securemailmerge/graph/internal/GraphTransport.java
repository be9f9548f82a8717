package com.securemailmerge.graph.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.time.Duration;

import org.eclipse.jdt.annotation.Nullable;

import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.send.SendingStopped;
import com.securemailmerge.send.TransientFailure;
import com.securemailmerge.send.Transport;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sending through the signed-in mailbox: a draft tagged with a single-value extended property (the
 * campaign id and recipient key), its attachments (up to 3 MB in the request, larger through an
 * upload session in chunks), then send, which saves it to Sent Items. Before creating anything the
 * tag is looked up: a draft that exists is sent instead of a new one; a message in Sent Items is done.
 * <p>
 * Send only hands the message to Exchange (202 Accepted): it is submitted asynchronously, and its
 * Sent Items copy appears once it has been sent, under the draft's id (every request asks for
 * immutable ids, see {@link ImmutableIds}). Until then neither lookup by tag finds it; the
 * transport therefore {@linkplain #confirmsLater() confirms later}, by id, through {@link #presence}.
 */
public final class GraphTransport implements Transport {

	/** In PS_PUBLIC_STRINGS: the tag every campaign message carries. */
	public static final String TAG = "String {00020329-0000-0000-C000-000000000046} Name SecureMailMergeTag"; //$NON-NLS-1$
	/**
	 * PidTagDeferredSendTime (PR_DEFERRED_SEND_TIME, 0x3FEF, PT_SYSTIME): the time a sent message goes
	 * out at. Exchange holds it in the Outbox until then, and sends one whose time has passed at once.
	 */
	public static final String DEFERRED_SEND_TIME = "SystemTime 0x3FEF"; //$NON-NLS-1$
	private static final int INLINE = 3 * 1024 * 1024;
	private static final int CHUNK = 4 * 320 * 1024; // a multiple of 320 KiB, as upload sessions want
	private static final Set<String> SCOPES = Set.of(Scopes.MAIL_READWRITE, Scopes.MAIL_SEND);

	private final GraphMailboxService graph;
	/** The ids of the signed-in mailbox's Sent Items and Outbox folders, once asked for (they never change). */
	private final java.util.Map<String, String> folderIds = new java.util.concurrent.ConcurrentHashMap<>();

	public GraphTransport(GraphMailboxService graph) {
		this.graph = graph;
	}

	private static String filter(String tag) {
		return "singleValueExtendedProperties/Any(ep: ep/id eq '" + TAG + "' and ep/value eq '" + tag.replace("'", "''") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "')"; //$NON-NLS-1$
	}

	private Optional<String> find(String folder, String tag) throws IOException {
		try {
			List<Message> found = graph.call(SCOPES, null, folder, Scopes.MAIL_READWRITE,
					c -> c.me().mailFolders().byMailFolderId(folder).messages().get(r -> {
						r.queryParameters.filter = filter(tag);
						r.queryParameters.select = new String[] { "id" }; //$NON-NLS-1$
					})).getValue();
			return found == null || found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0).getId());
		} catch (GraphException | AuthException e) {
			throw failure(e);
		}
	}

	/**
	 * What a failure means for the runner: no answer, throttling and server trouble leave the outcome
	 * unknown (looked up before trying again); a sign-in that cannot be renewed or a refused mailbox
	 * stops sending; anything else is this message's failure.
	 */
	static IOException failure(Exception e) {
		String message = String.valueOf(e.getMessage());
		if (e instanceof AuthException auth) {
			return auth.reason() == AuthException.Reason.FAILED ? new TransientFailure(message, null, e)
					: new SendingStopped(message, e);
		}
		int status = e instanceof GraphException graph ? graph.status() : 0;
		return switch (status) {
		case 0, 404, 408, 429, 500, 502, 503, 504 -> new TransientFailure(message, status == 404 ? Duration.ZERO
				: e instanceof GraphException graph && graph.retryAfterMillis() >= 0 ? Duration.ofMillis(graph.retryAfterMillis())
						: null, e);
		case 401, 403 -> new SendingStopped(message, e);
		default -> new IOException(message, e);
		};
	}

	@Override
	public Optional<String> findDelivered(String tag) throws IOException {
		return find("sentitems", tag); //$NON-NLS-1$
	}

	@Override
	public String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException {
		return submit(message, tag, drafted, null);
	}

	/** Exchange's deferred delivery: the draft carries {@link #DEFERRED_SEND_TIME}, then it is sent. */
	@Override
	public boolean schedules() {
		return true;
	}

	@Override
	public String schedule(MergedMessage message, String tag, Consumer<String> drafted, Instant due) throws IOException {
		return submit(message, tag, drafted, due);
	}

	/** A scheduled message is held in the Outbox until its time: it is found there by its tag. */
	@Override
	public Optional<String> findScheduled(String tag) throws IOException {
		return find("outbox", tag); //$NON-NLS-1$
	}

	/** Deletes the message; false when it is gone (404 ErrorItemNotFound: sent, or deleted already). */
	@Override
	public boolean withdraw(String id) throws IOException {
		try {
			graph.callOnce(SCOPES, null, "message " + id, Scopes.MAIL_READWRITE, c -> { //$NON-NLS-1$
				c.me().messages().byMessageId(id).delete();
				return Boolean.TRUE;
			});
			return true;
		} catch (GraphException e) {
			if (notFound(e)) {
				return false;
			}
			throw failure(e);
		} catch (AuthException e) {
			throw failure(e);
		}
	}

	private String submit(MergedMessage message, String tag, Consumer<String> drafted, @Nullable Instant due)
			throws IOException {
		try {
			Optional<String> draft = find("drafts", tag); //$NON-NLS-1$
			String id;
			if (draft.isPresent()) {
				id = draft.get();
				drafted.accept(id);
				deferTo(id, due);
				completeAttachments(id, message.attachments());
			} else {
				id = create(message, tag, due);
				drafted.accept(id);
				for (Path path : message.attachments()) {
					attach(id, path);
				}
			}
			graph.callOnce(SCOPES, null, "send", Scopes.MAIL_SEND, c -> { //$NON-NLS-1$
				c.me().messages().byMessageId(id).send().post();
				return Boolean.TRUE;
			});
			return id;
		} catch (GraphException | AuthException e) {
			throw failure(e);
		}
	}

	/** True: {@link #deliver} returns once Exchange accepted the message, before it is sent. */
	@Override
	public boolean confirmsLater() {
		return true;
	}

	/**
	 * Reads the message by its id (immutable: the draft's id is also its Sent Items copy's): a draft is
	 * {@link Presence#DRAFT DRAFT}; a message that is no draft and whose folder is Sent Items is
	 * {@link Presence#SENT SENT}; one in the Outbox with a deferred send time is
	 * {@link Presence#SCHEDULED SCHEDULED}; one that is not found (404 ErrorItemNotFound: Exchange is still
	 * submitting it, or it was deleted) or is somewhere else (the Outbox while being submitted, moved
	 * by the user) is {@link Presence#UNKNOWN UNKNOWN}.
	 */
	@Override
	public Presence presence(String id) throws IOException {
		try {
			Message message = graph.call(SCOPES, null, "message " + id, Scopes.MAIL_READWRITE, //$NON-NLS-1$
					c -> c.me().messages().byMessageId(id).get(r -> {
						r.queryParameters.select = new String[] { "id", "isDraft", "parentFolderId" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						// extended properties come only when asked for by $expand, each by its id
						r.queryParameters.expand = new String[] {
								"singleValueExtendedProperties($filter=id eq '" + DEFERRED_SEND_TIME + "')" }; //$NON-NLS-1$ //$NON-NLS-2$
					}));
			if (Boolean.TRUE.equals(message.getIsDraft())) {
				return Presence.DRAFT;
			}
			if (!Boolean.FALSE.equals(message.getIsDraft())) {
				return Presence.UNKNOWN;
			}
			String folder = message.getParentFolderId();
			if (folderId("sentitems").equals(folder)) { //$NON-NLS-1$
				return Presence.SENT;
			}
			return folderId("outbox").equals(folder) && deferred(message) ? Presence.SCHEDULED : Presence.UNKNOWN; //$NON-NLS-1$
		} catch (GraphException e) {
			if (notFound(e)) {
				return Presence.UNKNOWN;
			}
			throw failure(e);
		} catch (AuthException e) {
			throw failure(e);
		}
	}

	private static boolean deferred(Message message) {
		List<com.microsoft.graph.models.SingleValueLegacyExtendedProperty> properties = message
				.getSingleValueExtendedProperties();
		return properties != null && properties.stream().anyMatch(p -> DEFERRED_SEND_TIME.equalsIgnoreCase(p.getId())
				&& p.getValue() != null && !p.getValue().isBlank());
	}

	/** Asks once for a well-known folder's id, to compare messages' parentFolderId with. */
	private String folderId(String wellKnown) throws GraphException, AuthException, IOException {
		String known = folderIds.get(wellKnown);
		if (known == null) {
			MailFolder folder = graph.call(SCOPES, null, wellKnown, Scopes.MAIL_READWRITE,
					c -> c.me().mailFolders().byMailFolderId(wellKnown).get(r -> {
						r.queryParameters.select = new String[] { "id" }; //$NON-NLS-1$
					}));
			known = folder.getId();
			if (known == null) {
				throw new IOException("Microsoft 365 gave no id for the folder " + wellKnown + '.'); //$NON-NLS-1$
			}
			folderIds.put(wellKnown, known);
		}
		return known;
	}

	/** A draft left by an earlier attempt gets the attachments it lacks, none twice. */
	private void completeAttachments(String id, List<Path> paths) throws GraphException, AuthException, IOException {
		if (paths.isEmpty()) {
			return;
		}
		List<com.microsoft.graph.models.Attachment> present = graph.call(SCOPES, null, "attachments", //$NON-NLS-1$
				Scopes.MAIL_READWRITE, c -> c.me().messages().byMessageId(id).attachments().get(r -> {
					r.queryParameters.select = new String[] { "name", "size" }; //$NON-NLS-1$ //$NON-NLS-2$
				})).getValue();
		Set<String> names = new java.util.HashSet<>();
		if (present != null) {
			present.forEach(attachment -> names.add(String.valueOf(attachment.getName())));
		}
		for (Path path : paths) {
			if (!names.contains(path.getFileName().toString())) {
				attach(id, path);
			}
		}
	}

	private String create(MergedMessage merged, String tag, @Nullable Instant due) throws GraphException, AuthException {
		// a new model object for every attempt: the SDK's models remember what was serialized, and a
		// second post of the same object (after a 429) would send only what changed since: nothing
		return String.valueOf(graph.callOnce(SCOPES, null, "drafts", Scopes.MAIL_READWRITE, //$NON-NLS-1$
				c -> c.me().messages().post(Drafts.of(merged, TAG, tag, due))).getId());
	}

	/**
	 * A draft an earlier attempt left gets this attempt's time (it may have had another, or none):
	 * Graph's PATCH sets the property given and keeps the others (the tag).
	 */
	private void deferTo(String id, @Nullable Instant due) throws GraphException, AuthException {
		if (due == null) {
			return;
		}
		graph.callOnce(SCOPES, null, "message " + id, Scopes.MAIL_READWRITE, //$NON-NLS-1$
				c -> c.me().messages().byMessageId(id).patch(Drafts.deferredTo(due)));
	}

	private static boolean notFound(GraphException e) {
		return e.status() == 404 && e.getCause() instanceof ODataError error && error.getError() != null
				&& "ErrorItemNotFound".equals(error.getError().getCode()); //$NON-NLS-1$
	}

	private void attach(String id, Path path) throws GraphException, AuthException, IOException {
		long size = Files.size(path);
		String name = path.getFileName().toString();
		if (size <= INLINE) {
			byte[] content = Files.readAllBytes(path);
			String type = contentType(path);
			graph.callOnce(SCOPES, null, name, Scopes.MAIL_READWRITE, c -> {
				FileAttachment attachment = new FileAttachment(); // new for every attempt, as in create()
				attachment.setName(name);
				attachment.setContentType(type);
				attachment.setContentBytes(content);
				return c.me().messages().byMessageId(id).attachments().post(attachment);
			});
			return;
		}
		UploadSession session = graph.call(SCOPES, null, name, Scopes.MAIL_READWRITE, c -> {
			CreateUploadSessionPostRequestBody request = new CreateUploadSessionPostRequestBody();
			AttachmentItem item = new AttachmentItem();
			item.setAttachmentType(AttachmentType.File);
			item.setName(name);
			item.setSize(Long.valueOf(size));
			request.setAttachmentItem(item);
			return c.me().messages().byMessageId(id).attachments().createUploadSession().post(request);
		});
		byte[] bytes = Files.readAllBytes(path);
		for (int from = 0; from < bytes.length; from += CHUNK) {
			int to = Math.min(bytes.length, from + CHUNK);
			Request put = new Request.Builder().url(String.valueOf(session.getUploadUrl()))
					.header("Content-Range", "bytes " + from + '-' + (to - 1) + '/' + bytes.length) //$NON-NLS-1$ //$NON-NLS-2$
					.put(RequestBody.create(java.util.Arrays.copyOfRange(bytes, from, to),
							MediaType.get("application/octet-stream"))) //$NON-NLS-1$
					.build();
			try (Response response = graph.http().newCall(put).execute()) {
				if (!response.isSuccessful()) {
					String problem = name + ": " + response.code() + ' ' + response.message(); //$NON-NLS-1$
					throw response.code() == 429 || response.code() >= 500 ? new TransientFailure(problem, null, null)
							: new IOException(problem);
				}
			} catch (TransientFailure e) {
				throw e;
			} catch (IOException e) {
				if (e.getClass() == IOException.class && e.getCause() == null && String.valueOf(e.getMessage()).startsWith(name)) {
					throw e;
				}
				throw new TransientFailure(name + ": " + e.getMessage(), null, e); //$NON-NLS-1$
			}
		}
	}

	private static String contentType(Path path) {
		try {
			String type = Files.probeContentType(path);
			return type == null ? "application/octet-stream" : type; //$NON-NLS-1$
		} catch (IOException e) {
			return "application/octet-stream"; //$NON-NLS-1$
		}
	}
}
