package org.servicehall.query.support;

import org.axonframework.messaging.responsetypes.ResponseType;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list a read API answers.
 *
 * @param items      the page's items
 * @param page       its number, from 0
 * @param size       the most items a page holds
 * @param totalItems how many items all pages hold together
 * @param totalPages how many pages there are
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The page size a list query gets when it asks for none. */
    public static final int DEFAULT_SIZE = 50;
    /** The largest page a list query may ask for. */
    public static final int MAX_SIZE = 200;

    /** The given page of a list that is already filtered and sorted. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size(), pages(all.size(), size));
    }

    /** What to ask a query gateway for, to get a page of {@code itemType}. */
    public static <T> ResponseType<Page<T>> ofItems(Class<T> itemType) {
        return new PageResponseType<>(itemType);
    }

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }

    static int pages(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}
