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
	/** A String for plain text (the common case, no wrapper object kept), else the FieldValue. */
	private final Object[] values;

	private FieldValues(String[] names, Object[] values) {
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
		Object[] compact = new Object[sharedNames.length];
		for (int i = 0; i < compact.length; i++) {
			compact[i] = i < values.length ? compact(values[i]) : ""; //$NON-NLS-1$
		}
		return new FieldValues(sharedNames, compact);
	}

	/** An immutable copy of any map, in its iteration order. */
	public static FieldValues copyOf(Map<String, FieldValue> map) {
		if (map instanceof FieldValues same) {
			return same;
		}
		String[] names = map.keySet().toArray(String[]::new);
		Object[] values = map.values().stream().map(FieldValues::compact).toArray();
		return new FieldValues(names, values);
	}

	private static Object compact(FieldValue value) {
		return value.type() == FieldType.TEXT && value.typed() == null ? value.display() : value;
	}

	private static FieldValue expand(Object value) {
		return value instanceof FieldValue field ? field : FieldValue.text((String) value);
	}

	@Override
	public FieldValue get(Object key) {
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(key)) {
				return expand(values[i]);
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
						return new SimpleImmutableEntry<>(names[i], expand(values[i]));
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
