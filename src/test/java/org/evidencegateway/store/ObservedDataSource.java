package org.evidencegateway.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source whose connections log, in order, each commit ({@code COMMIT}) and each SQL text run through
 * {@link Statement#execute(String)}, and optionally refuse every commit.
 */
final class ObservedDataSource {
    static final String COMMIT = "COMMIT";

    private ObservedDataSource() {
    }

    static DataSource of(DataSource db, List<String> log, boolean refuseCommits) {
        return proxy(DataSource.class, db, (method, args) -> method.getName().equals("getConnection")
                ? connection((Connection) invoke(method, db, args), log, refuseCommits) : invoke(method, db, args));
    }

    private static Connection connection(Connection connection, List<String> log, boolean refuseCommits) {
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("commit")) {
                log.add(COMMIT);
                if (refuseCommits) {
                    throw new SQLException("commit refused");
                }
            }
            Object result = invoke(method, connection, args);
            return result instanceof Statement s && method.getName().equals("createStatement")
                    ? statement(s, log) : result;
        });
    }

    private static Statement statement(Statement statement, List<String> log) {
        return proxy(Statement.class, statement, (method, args) -> {
            if (method.getName().equals("execute") && args != null && args.length == 1) {
                log.add((String) args[0]);
            }
            return invoke(method, statement, args);
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return type.cast(Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
