package com.securemailmerge.graph.internal;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;

import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds {@code Prefer: IdType="ImmutableId"} to every Graph request: ids stay the same when items move. */
@NonNullByDefault({}) // OkHttp's interface carries no null annotations
final class ImmutableIds implements Interceptor {

	static final String PREFER = "IdType=\"ImmutableId\""; //$NON-NLS-1$

	@Override
	public Response intercept(Chain chain) throws IOException {
		return chain.proceed(chain.request().newBuilder().addHeader("Prefer", PREFER).build()); //$NON-NLS-1$
	}
}
