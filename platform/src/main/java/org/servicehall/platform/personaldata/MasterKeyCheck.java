package org.servicehall.platform.personaldata;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start a side on MongoDB without a (well-formed) master key before anything else happens, so the reason
 * is the first and only error, not one that surfaces after other beans have waited for the database.
 */
public class MasterKeyCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Binder settings = Binder.get(event.getEnvironment());
        MasterKey.requireForExternalDatabase(settings.bind("hall.mongodb.uri", String.class).orElse(null),
                                             settings.bind(MasterKey.PROPERTY, String.class).orElse(null));
    }
}
