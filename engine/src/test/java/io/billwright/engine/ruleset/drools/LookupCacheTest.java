package io.billwright.engine.ruleset.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    /** The application's loader, counting how often it is asked. */
    private static final class Counting extends ClassLoader {
        final AtomicInteger resourceLookups = new AtomicInteger();
        final AtomicInteger classLookups = new AtomicInteger();

        Counting() {
            super(LookupCacheTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            resourceLookups.incrementAndGet();
            return super.getResource(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            classLookups.incrementAndGet();
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void asksTheClassPathOnceForEachResourceFoundOrNot() {
        Counting parent = new Counting();
        LookupCache cache = new LookupCache(parent);

        URL first = cache.getResource("java/math/BigDecimal.class");
        URL again = cache.getResource("java/math/BigDecimal.class");
        assertThat(cache.getResource("io/billwright/NoSuchType.class")).isNull();
        assertThat(cache.getResource("io/billwright/NoSuchType.class")).isNull();

        assertThat(first).isNotNull().isEqualTo(again);
        assertThat(parent.resourceLookups).hasValue(2);
    }

    @Test
    void remembersMissingClassesButGivesTheParentsClassesThemselves() throws ClassNotFoundException {
        Counting parent = new Counting();
        LookupCache cache = new LookupCache(parent);

        assertThat(cache.loadClass(BigDecimal.class.getName())).isSameAs(BigDecimal.class);
        assertThat(cache.loadClass(LookupCacheTest.class.getName())).isSameAs(LookupCacheTest.class);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.loadClass("java.lang.NoSuchType"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessage("java.lang.NoSuchType");
        }
        assertThat(parent.classLookups).hasValue(3);
    }
}
