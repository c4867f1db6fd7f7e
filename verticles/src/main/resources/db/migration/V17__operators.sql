-- Console operators (only a PBKDF2 hash of the password) and their sign-in sessions (only the SHA-256 of the token).
CREATE TABLE operators (
  username      text PRIMARY KEY,
  password_hash text NOT NULL,
  role          text NOT NULL,
  tenants       text[] NOT NULL,
  source        text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE TABLE operator_sessions (
  token_hash text PRIMARY KEY,
  username   text NOT NULL REFERENCES operators (username) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX operator_sessions_expiry ON operator_sessions (expires_at);
