package com.securemailmerge.auth;

/** What to show the user during a device-code sign-in: the code and where to enter it. */
public record DeviceCodePrompt(String userCode, String verificationUri, String message) {
}
