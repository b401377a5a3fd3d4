// The floor for prst import on this machine: raw SQLite inserts into the store's answers layout.
// Build and run: gcc -O2 scripts/bench-sqlite-floor.c -o /tmp/floor -lsqlite3 && /tmp/floor 1
// (argument: 1 with foreign keys, 0 without). Writes /tmp/csq.sqlite.
#include <stdlib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
int main(int argc, char** argv) {
  int fk = argc > 1 ? atoi(argv[1]) : 1;
  unlink("/tmp/csq.sqlite"); unlink("/tmp/csq.sqlite-wal"); unlink("/tmp/csq.sqlite-shm");
  sqlite3* db; sqlite3_open("/tmp/csq.sqlite", &db);
  char sql[2000];
  sprintf(sql, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=%s; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;"
  "CREATE TABLE sessions (id TEXT NOT NULL PRIMARY KEY, x TEXT) WITHOUT ROWID;"
  "CREATE TABLE answers (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, variable TEXT NOT NULL, repetition TEXT NOT NULL DEFAULT '',"
  " kind TEXT NOT NULL CHECK (kind IN ('choice', 'choices', 'number', 'text', 'non_substantive', 'skipped', 'not_asked')),"
  " value_text TEXT, value_number REAL, updated_at REAL NOT NULL, PRIMARY KEY (session_id, variable, repetition)) WITHOUT ROWID;", fk ? "ON" : "OFF");
  sqlite3_exec(db, sql, 0, 0, 0);
  struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
  sqlite3_exec(db, "BEGIN", 0, 0, 0);
  sqlite3_stmt *s1, *s2;
  sqlite3_prepare_v2(db, "insert into sessions values (?,?)", -1, &s1, 0);
  sqlite3_prepare_v2(db, "insert into answers values (?,?,?,?,?,?,?)", -1, &s2, 0);
  char sid[32], var[32];
  for (int i = 0; i < 10000; i++) {
    sprintf(sid, "S%07d", i);
    sqlite3_bind_text(s1, 1, sid, -1, SQLITE_TRANSIENT); sqlite3_bind_text(s1, 2, "x", -1, SQLITE_STATIC);
    sqlite3_step(s1); sqlite3_reset(s1);
    for (int v = 0; v < 60; v++) {
      sprintf(var, "variable_%d", v);
      sqlite3_bind_text(s2, 1, sid, -1, SQLITE_TRANSIENT); sqlite3_bind_text(s2, 2, var, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s2, 3, "", -1, SQLITE_STATIC); sqlite3_bind_text(s2, 4, "choice", -1, SQLITE_STATIC);
      sqlite3_bind_text(s2, 5, "4", -1, SQLITE_STATIC); sqlite3_bind_null(s2, 6); sqlite3_bind_double(s2, 7, 1.0);
      if (sqlite3_step(s2) != SQLITE_DONE) { printf("err %s\n", sqlite3_errmsg(db)); return 1; }
      sqlite3_reset(s2);
    }
  }
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("fk=%d 600k rows: %.2f s\n", fk, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
  return 0;
}
