package dev.ferro.impl.crud;

import dev.ferro.ModelDefinitionException;
import dev.ferro.ModelNotFoundException;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.StatementLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrudTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {CrudItem.class, CrudAccount.class, CrudCountry.class, CrudToken.class, CrudDocument.class,
                CrudRenamed.class};
    }

    private Query<CrudItem> items() {
        return ferro.query(CrudItem.class);
    }

    private CrudItem item(long id) {
        return items().get(id);
    }

    private List<String> statementKinds() {
        return log.entries().stream().map(StatementLog.Entry::sql).map(sql -> sql.stripLeading().split(" ")[0]).toList();
    }

    // ---------------------------------------------------------------- create and get

    @Test
    void createReturnsTheSameInstanceWithConsecutiveGeneratedIds() {
        CrudItem first = new CrudItem("bolt", 10);
        CrudItem second = new CrudItem("nut", 20);
        CrudItem third = new CrudItem("washer", 30);

        assertSame(first, items().create(first));
        assertSame(second, items().create(second));
        assertSame(third, items().create(third));

        assertEquals(List.of(1L, 2L, 3L), List.of(first.id, second.id, third.id));
        assertEquals(List.of("INSERT", "INSERT", "INSERT"), statementKinds());
    }

    @Test
    void getReadsTheStoredRow() {
        items().create(new CrudItem("bolt", 10));
        items().create(new CrudItem("nut", 20));

        CrudItem nut = item(2L);

        assertEquals(2L, nut.id);
        assertEquals("nut", nut.name);
        assertEquals(20, nut.quantity);
        assertEquals(1, log.selects(), "one SELECT for the get");
    }

    @Test
    void getOfMissingIdThrowsModelNotFoundNamingModelAndKey() {
        items().create(new CrudItem("bolt", 10));

        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> item(42L));

        assertEquals(CrudItem.class, e.model());
        assertEquals(42L, e.key());
        assertEquals("CrudItem with id 42 not found", e.getMessage());
    }

    @Test
    void findOfMissingIdIsEmptyAndFindOfPresentIdHasTheRow() {
        items().create(new CrudItem("bolt", 10));

        assertTrue(items().find(2L).isEmpty());
        assertEquals("bolt", items().find(1L).orElseThrow().name);
    }

    @Test
    void getWithAnIntegerKeyOnALongIdFindsTheRow() {
        items().create(new CrudItem("bolt", 10));

        CrudItem bolt = items().get(1);

        assertEquals(Long.valueOf(1L), bolt.id);
        assertEquals("bolt", bolt.name);
    }

    @Test
    void getAndFindOfNullKeyThrowIllegalArgumentWithoutSql() {
        IllegalArgumentException get = assertThrows(IllegalArgumentException.class, () -> items().get(null));
        IllegalArgumentException find = assertThrows(IllegalArgumentException.class, () -> items().find(null));

        assertEquals("CrudItem id must not be null", get.getMessage());
        assertEquals("CrudItem id must not be null", find.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void getWithAKeyOfTheWrongTypeThrowsIllegalArgumentNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> items().get("1"));

        assertEquals("CrudItem.id is Long, got String 1", e.getMessage());
    }

    @Test
    void getOnAFilteredQueryAppliesTheFilter() {
        items().create(new CrudItem("bolt", 10));
        items().create(new CrudItem("nut", 20));
        Query<CrudItem> large = items().where(CrudItem_.quantity.ge(15));

        assertEquals("nut", large.get(2L).name);
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> large.get(1L));
        assertEquals(1L, e.key());
    }

    // ---------------------------------------------------------------- save

    @Test
    void saveInsertsWhenTheIdIsNullAndSetsIt() {
        items().create(new CrudItem("bolt", 10));
        log.clear();
        CrudItem nut = new CrudItem("nut", 20);

        assertSame(nut, ferro.save(nut));

        assertEquals(2L, nut.id);
        assertEquals(List.of("INSERT"), statementKinds());
        assertEquals("nut", item(2L).name);
    }

    @Test
    void saveWithAnIdUpdatesItsRowInOneUpdateWithoutSelect() {
        CrudItem bolt = items().create(new CrudItem("bolt", 10));
        items().create(new CrudItem("nut", 20));
        log.clear();
        bolt.name = "hex bolt";
        bolt.quantity = 11;

        ferro.save(bolt);

        assertEquals(List.of("UPDATE"), statementKinds());
        assertEquals(1, log.entries().get(0).batchSize());
        CrudItem reloaded = item(1L);
        assertEquals("hex bolt", reloaded.name);
        assertEquals(11, reloaded.quantity);
        assertEquals("nut", item(2L).name, "the other row is untouched");
        assertEquals(2, items().count());
    }

    @Test
    void saveOfAnUnchangedModelUpdatesWithoutInsertingACopy() {
        // MySQL-family servers report "rows changed" (0 here) unless asked for "rows matched";
        // a save that misread 0 as "no such row" would insert a duplicate key.
        CrudItem bolt = items().create(new CrudItem("bolt", 10));
        log.clear();

        ferro.save(bolt);

        assertEquals(List.of("UPDATE"), statementKinds());
        assertEquals(1, items().count());
    }

    @Test
    void saveWithAnExplicitIdThatNoRowHasInsertsItWithThatId() {
        CrudItem stray = new CrudItem("stray", 5);
        stray.id = 7L;

        ferro.save(stray);

        assertEquals(7L, stray.id);
        assertEquals(List.of("UPDATE", "INSERT"), statementKinds());
        assertEquals("stray", item(7L).name);
        assertEquals(1, items().count());
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deleteRemovesTheRowInOneStatement() {
        CrudItem bolt = items().create(new CrudItem("bolt", 10));
        items().create(new CrudItem("nut", 20));
        log.clear();

        ferro.delete(bolt);

        assertEquals(List.of("DELETE"), statementKinds());
        assertTrue(items().find(1L).isEmpty());
        assertEquals(List.of("nut"), items().all().stream().map(i -> i.name).toList());
    }

    @Test
    void deleteOfAnUnsavedModelThrowsIllegalArgumentWithoutSql() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ferro.delete(new CrudItem("bolt", 10)));

        assertEquals("Cannot delete a CrudItem whose id is not set", e.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void deleteOfAnAlreadyDeletedRowThrowsModelNotFound() {
        CrudItem bolt = items().create(new CrudItem("bolt", 10));
        ferro.delete(bolt);

        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> ferro.delete(bolt));

        assertEquals(CrudItem.class, e.model());
        assertEquals(1L, e.key());
        assertEquals("CrudItem with id 1 not found", e.getMessage());
    }

    // ---------------------------------------------------------------- refresh

    @Test
    void refreshReloadsValuesChangedByRawSqlInPlace() {
        CrudItem bolt = items().create(new CrudItem("bolt", 10));
        assertEquals(1, ferro.execute("UPDATE crud_item SET name = ?, quantity = ? WHERE id = ?", "renamed", 99, 1L));

        assertSame(bolt, ferro.refresh(bolt));

        assertEquals("renamed", bolt.name);
        assertEquals(99, bolt.quantity);
        assertEquals(1L, bolt.id);
    }

    @Test
    void refreshOfADeletedRowThrowsModelNotFoundAndLeavesTheModelAlone() {
        CrudItem bolt = items().create(new CrudItem("bolt", 10));
        ferro.execute("DELETE FROM crud_item WHERE id = ?", 1L);

        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> ferro.refresh(bolt));

        assertEquals(CrudItem.class, e.model());
        assertEquals(1L, e.key());
        assertEquals("bolt", bolt.name);
    }

    @Test
    void refreshOfAnUnsavedModelThrowsIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ferro.refresh(new CrudItem("bolt", 10)));

        assertEquals("Cannot refresh a CrudItem whose id is not set", e.getMessage());
    }

    // ---------------------------------------------------------------- model shapes

    @Test
    void privateFieldsAreReadAndWrittenThroughGettersAndSetters() {
        var accounts = ferro.query(CrudAccount.class);
        CrudAccount alice = accounts.create(new CrudAccount("alice", 100));
        accounts.create(new CrudAccount("bob", null));
        alice.setBalance(150);
        alice.setFrozen(true);
        ferro.save(alice);

        CrudAccount reloaded = accounts.get(1L);
        assertEquals(1L, reloaded.getId());
        assertEquals("alice", reloaded.getOwner());
        assertEquals(150, reloaded.getBalance());
        assertTrue(reloaded.isFrozen());
        assertNull(accounts.get(2L).getBalance());
        assertEquals(List.of("bob"), accounts.where(CrudAccount_.frozen.isFalse()).all().stream()
                .map(CrudAccount::getOwner).toList());
    }

    @Test
    void aStringNaturalKeyIsStoredAsGivenAndFoundByIt() {
        var countries = ferro.query(CrudCountry.class);
        CrudCountry nl = countries.create(new CrudCountry("NL", "Netherlands"));
        countries.create(new CrudCountry("BE", "Belgium"));

        assertEquals("NL", nl.code);
        assertEquals("Belgium", countries.get("BE").name);
        assertTrue(countries.find("nl").isEmpty(), "keys compare case-sensitively");
        nl.name = "The Netherlands";
        ferro.save(nl);
        assertEquals("The Netherlands", countries.get("NL").name);
        ferro.save(new CrudCountry("DE", "Germany"));
        assertEquals("Germany", countries.get("DE").name);
        assertEquals(3, countries.count());
    }

    @Test
    void aDuplicateNaturalKeyIsAUniqueViolation() {
        var countries = ferro.query(CrudCountry.class);
        countries.create(new CrudCountry("NL", "Netherlands"));

        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> countries.create(new CrudCountry("NL", "Nederland")));

        assertEquals(CrudCountry.class, e.model());
        assertEquals("Netherlands", countries.get("NL").name);
    }

    @Test
    void aUuidKeyRoundTripsAndFindsItsRow() {
        var tokens = ferro.query(CrudToken.class);
        UUID first = UUID.fromString("6f1c2a8e-3b5d-4c7a-9e0f-1a2b3c4d5e6f");
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        tokens.create(new CrudToken(first, "first"));
        tokens.create(new CrudToken(second, "second"));

        CrudToken found = tokens.get(first);

        assertEquals(first, found.id);
        assertEquals("first", found.label);
        assertEquals("second", tokens.where(CrudToken_.id.eq(second)).one().label);
        assertTrue(tokens.find(UUID.fromString("00000000-0000-0000-0000-000000000003")).isEmpty());
        ferro.delete(found);
        assertEquals(List.of("second"), tokens.all().stream().map(t -> t.label).toList());
    }

    @Test
    void fieldsOfANonModelBaseClassArePersisted() {
        var documents = ferro.query(CrudDocument.class);
        CrudDocument doc = documents.create(new CrudDocument("Minutes", "carol", 3));

        assertEquals(1L, doc.id);
        CrudDocument reloaded = documents.get(1L);
        assertEquals("Minutes", reloaded.title);
        assertEquals("carol", reloaded.createdBy);
        assertEquals(3, reloaded.revision);
        assertEquals(1, documents.where(CrudDocument_.createdBy.eq("carol")).count());
        Map<String, Object> row = ferro.fetchOne("SELECT id, created_by, revision, title FROM crud_document").orElseThrow();
        assertEquals("carol", row.get("created_by"));
        assertEquals(3L, ((Number) row.get("revision")).longValue());
    }

    @Test
    void tableAndColumnNameOverridesAreTheNamesInTheDatabase() {
        var things = ferro.query(CrudRenamed.class);
        things.create(new CrudRenamed("alpha", 2));
        things.create(new CrudRenamed("beta", 1));

        List<Map<String, Object>> rows = ferro.fetchAll(
                "SELECT thing_no, display_label, sort_rank FROM crud_renamed_things ORDER BY thing_no");

        assertEquals(List.of("alpha", "beta"), rows.stream().map(r -> r.get("display_label")).toList());
        assertEquals(List.of(1L, 2L), rows.stream().map(r -> ((Number) r.get("thing_no")).longValue()).toList());
        assertEquals(List.of(2L, 1L), rows.stream().map(r -> ((Number) r.get("sort_rank")).longValue()).toList());
        assertEquals(List.of("beta", "alpha"), things.where(CrudRenamed_.label.ne("gamma"))
                .orderBy(CrudRenamed_.sortRank.asc()).all().stream().map(t -> t.label).toList());
    }

    @Test
    void queryOfAClassWithoutModelIsRefusedNamingTheClass() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> ferro.query(String.class));

        assertEquals(String.class, e.model());
        assertEquals("Model java.lang.String: is not annotated with @dev.ferro.Model", e.getMessage());
    }

    // ---------------------------------------------------------------- immutable queries

    @Test
    void builderCallsReturnNewQueriesAndLeaveTheOriginalUnchanged() {
        items().createAll(List.of(new CrudItem("bolt", 10), new CrudItem("nut", 20), new CrudItem("washer", 30)));
        Query<CrudItem> all = ferro.query(CrudItem.class);

        Query<CrudItem> filtered = all.where(CrudItem_.quantity.gt(15));
        Query<CrudItem> ordered = all.orderBy(CrudItem_.name.desc());
        Query<CrudItem> limited = all.limit(1);
        Query<CrudItem> skipped = all.offset(2);

        assertNotSame(all, filtered);
        assertNotSame(all, ordered);
        assertNotSame(all, limited);
        assertNotSame(all, skipped);
        assertEquals(3, all.count());
        assertEquals(List.of("bolt", "nut", "washer"), all.all().stream().map(i -> i.name).sorted().toList());
        assertEquals(List.of("nut", "washer"), filtered.orderBy(CrudItem_.id.asc()).all().stream().map(i -> i.name).toList());
        assertEquals(List.of("washer", "nut", "bolt"), ordered.all().stream().map(i -> i.name).toList());
        assertEquals(1, limited.all().size());
        assertEquals(List.of("washer"), skipped.all().stream().map(i -> i.name).toList());
        assertEquals(CrudItem.class, all.model());
        assertFalse(filtered.where(CrudItem_.quantity.gt(100)).exists());
        assertEquals(2, filtered.count(), "a further where() left the filtered query alone too");
    }
}
