package com.securemailmerge.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The values of one recipient as an immutable map in column order. The column names are one array
 * shared by every recipient of a list, so a 100,000-row list holds one small array of values per
 * row instead of a hash map per row.
 */
@NonNullByDefault({}) // java.util.Map's generics carry no null annotations
public final class FieldValues extends AbstractMap<String, FieldValue> {

	private final String[] names;
	private final FieldValue[] values;

	private FieldValues(String[] names, FieldValue[] values) {
		this.names = names;
		this.values = values;
	}

	/**
	 * Values for the shared column names; missing trailing values are empty. The names array must
	 * not change afterwards: lists share it.
	 */
	public static FieldValues of(String[] sharedNames, FieldValue[] values) {
		if (values.length > sharedNames.length) {
			throw new IllegalArgumentException("More values than columns: " + values.length + " > " + sharedNames.length);
		}
		FieldValue[] padded = new FieldValue[sharedNames.length];
		for (int i = 0; i < padded.length; i++) {
			padded[i] = i < values.length ? values[i] : FieldValue.EMPTY;
		}
		return new FieldValues(sharedNames, padded);
	}

	/** An immutable copy of any map, in its iteration order. */
	public static FieldValues copyOf(Map<String, FieldValue> map) {
		if (map instanceof FieldValues same) {
			return same;
		}
		String[] names = map.keySet().toArray(String[]::new);
		FieldValue[] values = map.values().toArray(FieldValue[]::new);
		return new FieldValues(names, values);
	}

	@Override
	public FieldValue get(Object key) {
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(key)) {
				return values[i];
			}
		}
		return null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	@Override
	public int size() {
		return names.length;
	}

	@Override
	public Set<Entry<String, FieldValue>> entrySet() {
		return new AbstractSet<>() {
			@Override
			public Iterator<Entry<String, FieldValue>> iterator() {
				return new Iterator<>() {
					private int next;

					@Override
					public boolean hasNext() {
						return next < names.length;
					}

					@Override
					public Entry<String, FieldValue> next() {
						if (next >= names.length) {
							throw new NoSuchElementException();
						}
						int i = next++;
						return new SimpleImmutableEntry<>(names[i], values[i]);
					}
				};
			}

			@Override
			public int size() {
				return names.length;
			}
		};
	}
}
