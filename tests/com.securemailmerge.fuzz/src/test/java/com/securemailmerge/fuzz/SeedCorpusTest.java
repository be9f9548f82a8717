package com.securemailmerge.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the seed corpus of every fuzz target (corpus/TARGET/, with the inputs Jazzer found and
 * that were fixed) through the target, as `./bench fuzz` would, without the fuzzer: each seed must
 * pass the target's checks. A seed that makes a target throw fails here with the target's message.
 */
class SeedCorpusTest {

	private static final List<Class<?>> TARGETS = List.of(AddressLineFuzz.class, TemplateFuzz.class, CsvFuzz.class,
			CampaignFileFuzz.class);

	private static Path corpus() {
		return Path.of(System.getProperty("smm.fuzz.corpus", "corpus")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static Stream<Arguments> seeds() throws IOException {
		Stream.Builder<Arguments> seeds = Stream.builder();
		for (Class<?> target : TARGETS) {
			try (Stream<Path> files = Files.list(corpus().resolve(target.getSimpleName()))) {
				files.filter(Files::isRegularFile).sorted().forEach(file -> seeds.add(Arguments.of(target, file)));
			}
		}
		return seeds.build();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("seeds")
	void seedPasses(Class<?> target, Path seed) throws Exception {
		byte[] data = Files.readAllBytes(seed);
		Method test = target.getMethod("fuzzerTestOneInput", byte[].class); //$NON-NLS-1$
		assertDoesNotThrow(() -> {
			try {
				test.invoke(null, (Object) data);
			} catch (InvocationTargetException e) {
				throw e.getCause();
			}
		}, seed::toString);
	}

	@Test
	void everyTargetHasSeeds() throws IOException {
		for (Class<?> target : TARGETS) {
			Path folder = corpus().resolve(target.getSimpleName());
			assertTrue(Files.isDirectory(folder), folder::toString);
			try (Stream<Path> files = Files.list(folder)) {
				assertFalse(files.findAny().isEmpty(), () -> folder + " holds no seed");
			}
		}
	}

	/** The checks can fail: an input that breaks a promise is reported, not swallowed. */
	@Test
	void aBrokenPromiseIsAFinding() {
		org.junit.jupiter.api.Assertions.assertThrows(FuzzFinding.class,
				() -> AddressLineFuzz.expectOne("To", List.of("a@x.example", "b@y.example"), "a@x.example", //$NON-NLS-1$
						Parts.of(new byte[0])));
	}
}
