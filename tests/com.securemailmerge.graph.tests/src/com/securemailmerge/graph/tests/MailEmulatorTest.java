package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.HttpsURLConnection;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;

/**
 * The emulator's mail side through the real Graph SDK: drafts tagged with a single-value extended
 * property and found again by $filter, attachments inline and through an upload session, sending
 * into Sent Items, sendMail without saving, the mailbox's size limit and send throttling.
 */
final class MailEmulatorTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final String TAG = "String {66f5a359-4659-4830-9070-00049ec6ac6e} Name SecureMailMergeKey";

	private Emulator emulator;
	private GraphServiceClient graph;
	private MsalAuthService auth;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				emulator.authority(), emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		AccessTokenProvider tokens = new AccessTokenProvider() {
			@Override
			public String getAuthorizationToken(URI uri, Map<String, Object> context) {
				try {
					return auth.accessToken(Set.of(Scopes.MAIL_READWRITE, Scopes.MAIL_SEND), false);
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}

			@Override
			public AllowedHostsValidator getAllowedHostsValidator() {
				return new AllowedHostsValidator("127.0.0.1");
			}
		};
		graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), GraphClientFactory.create()
				.sslSocketFactory(emulator.clientSslContext().getSocketFactory(), emulator.trustManager()).build());
		graph.getRequestAdapter().setBaseUrl(emulator.graphBase());
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private Message draft(String key) {
		Message message = new Message();
		message.setSubject("Einladung " + key);
		ItemBody body = new ItemBody();
		body.setContentType(BodyType.Html);
		body.setContent("<p>Liebe Clara</p>");
		message.setBody(body);
		Recipient to = new Recipient();
		EmailAddress address = new EmailAddress();
		address.setAddress("clara@example.org");
		to.setEmailAddress(address);
		message.setToRecipients(List.of(to));
		SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
		property.setId(TAG);
		property.setValue(key);
		message.setSingleValueExtendedProperties(List.of(property));
		return graph.me().messages().post(message);
	}

	private String filter(String key) {
		return "singleValueExtendedProperties/Any(ep: ep/id eq '" + TAG + "' and ep/value eq '" + key + "')";
	}

	@Test
	void taggedDraftsAreFoundByFilterAndSentIntoSentItems() throws Exception {
		Message first = draft("c1/row:2");
		draft("c1/row:3");
		List<Message> found = graph.me().mailFolders().byMailFolderId("drafts").messages()
				.get(r -> r.queryParameters.filter = filter("c1/row:2")).getValue();
		assertEquals(List.of(first.getId()), found.stream().map(Message::getId).toList());

		FileAttachment attachment = new FileAttachment();
		attachment.setName("Programm.pdf");
		attachment.setContentType("application/pdf");
		attachment.setContentBytes(new byte[100_000]);
		graph.me().messages().byMessageId(first.getId()).attachments().post(attachment);
		graph.me().messages().byMessageId(first.getId()).send().post();

		List<EmulatedMessage> sent = emulator.sentItems(ANNA);
		assertEquals(1, sent.size());
		assertEquals("c1/row:2", sent.get(0).property(TAG));
		assertEquals(List.of("clara@example.org"), sent.get(0).recipients("toRecipients"));
		assertEquals(100_000, sent.get(0).attachments().get(0).content().length);
		assertEquals(1, graph.me().mailFolders().byMailFolderId("sentitems").messages()
				.get(r -> r.queryParameters.filter = filter("c1/row:2")).getValue().size());
		assertEquals(1, emulator.drafts(ANNA).size(), "the other draft waits");
	}

	@Test
	void largeAttachmentsGoThroughAnUploadSessionInChunks() throws Exception {
		Message draft = draft("c1/row:9");
		byte[] big = new byte[5 * 1024 * 1024 + 123];
		for (int i = 0; i < big.length; i++) {
			big[i] = (byte) (i * 7);
		}
		FileAttachment inline = new FileAttachment();
		inline.setName("gross.bin");
		inline.setContentBytes(big);
		ApiException tooLarge = assertThrows(ApiException.class,
				() -> graph.me().messages().byMessageId(draft.getId()).attachments().post(inline));
		assertEquals(413, tooLarge.getResponseStatusCode());

		CreateUploadSessionPostRequestBody request = new CreateUploadSessionPostRequestBody();
		AttachmentItem item = new AttachmentItem();
		item.setAttachmentType(AttachmentType.File);
		item.setName("gross.bin");
		item.setSize((long) big.length);
		request.setAttachmentItem(item);
		UploadSession session = graph.me().messages().byMessageId(draft.getId()).attachments().createUploadSession()
				.post(request);
		int chunk = 1024 * 1024;
		for (int from = 0; from < big.length; from += chunk) {
			int to = Math.min(big.length, from + chunk);
			HttpsURLConnection put = (HttpsURLConnection) URI.create(session.getUploadUrl()).toURL().openConnection();
			put.setSSLSocketFactory(emulator.sslSocketFactory());
			put.setRequestMethod("PUT");
			put.setDoOutput(true);
			put.setRequestProperty("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + big.length);
			try (OutputStream out = put.getOutputStream()) {
				out.write(big, from, to - from);
			}
			assertEquals(to == big.length ? 201 : 200, put.getResponseCode());
		}
		assertArrayEquals(big, emulator.drafts(ANNA).get(0).attachments().get(0).content());
	}

	@Test
	void sendMailCanSkipSentItemsAndLimitsAreKept() throws Exception {
		SendMailPostRequestBody request = new SendMailPostRequestBody();
		request.setMessage(draftFree());
		request.setSaveToSentItems(false);
		graph.me().sendMail().post(request);
		assertEquals(1, emulator.delivered().size());
		assertEquals(0, emulator.sentItems(ANNA).size(), "not saved, as asked");

		emulator.setMaxMessageSize(ANNA, 1000);
		Message large = draft("c2/row:2");
		FileAttachment attachment = new FileAttachment();
		attachment.setName("a.bin");
		attachment.setContentBytes(new byte[5000]);
		graph.me().messages().byMessageId(large.getId()).attachments().post(attachment);
		assertEquals(413, assertThrows(ApiException.class,
				() -> graph.me().messages().byMessageId(large.getId()).send().post()).getResponseStatusCode());
		emulator.setMaxMessageSize(ANNA, 36_700_160);

		emulator.setSendLimit(2, Duration.ofSeconds(2));
		graph.me().messages().byMessageId(draft("c3/row:2").getId()).send().post();
		graph.me().messages().byMessageId(draft("c3/row:3").getId()).send().post();
		String third = draft("c3/row:4").getId();
		long before = emulator.graphRequests().stream().filter(r -> r.status() == 429).count();
		graph.me().messages().byMessageId(third).send().post(); // 429, Retry-After, then sent
		assertTrue(emulator.graphRequests().stream().filter(r -> r.status() == 429).count() > before,
				"the third send in the window was throttled first");
		assertEquals(3, emulator.sentItems(ANNA).stream().filter(m -> String.valueOf(m.property(TAG)).startsWith("c3/"))
				.count(), "and then sent once");
	}

	@Test
	void aBatchRunsEachRequestAndAnswersThrottlingPerRequest() throws Exception {
		draft("c4/row:2");
		String token = auth.accessToken(Set.of(Scopes.MAIL_READWRITE), false);
		emulator.setRateLimit(2, Duration.ofSeconds(30));
		String batch = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me/mailFolders/drafts/messages\"},"
				+ "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/me/messages\"},"
				+ "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/me/messages\"}]}";
		HttpsURLConnection post = (HttpsURLConnection) URI.create(emulator.graphBase() + "/$batch").toURL().openConnection();
		post.setSSLSocketFactory(emulator.sslSocketFactory());
		post.setRequestMethod("POST");
		post.setDoOutput(true);
		post.setRequestProperty("Authorization", "Bearer " + token);
		post.setRequestProperty("Content-Type", "application/json");
		try (OutputStream out = post.getOutputStream()) {
			out.write(batch.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		assertEquals(200, post.getResponseCode());
		String answer;
		try (java.io.InputStream in = post.getInputStream()) {
			answer = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		assertTrue(answer.contains("\"id\":\"1\",\"status\":200"), answer);
		assertTrue(answer.contains("c4/row:2"), answer);
		assertTrue(answer.contains("\"id\":\"3\",\"status\":429") && answer.contains("Retry-After"), answer);
	}

	private static Message draftFree() {
		Message message = new Message();
		message.setSubject("Test");
		Recipient to = new Recipient();
		EmailAddress address = new EmailAddress();
		address.setAddress("anna@verein.example");
		to.setEmailAddress(address);
		message.setToRecipients(List.of(to));
		return message;
	}
}
