package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void aHashVerifiesItsPasswordAndNoOther() {
    String hash = PasswordHash.hash("correct horse battery".toCharArray());
    assertThat(hash).startsWith("pbkdf2-sha256$600000$");
    assertThat(PasswordHash.wellFormed(hash)).isTrue();
    assertThat(PasswordHash.verify("correct horse battery".toCharArray(), hash)).isTrue();
    assertThat(PasswordHash.verify("correct horse batterY".toCharArray(), hash)).isFalse();
    assertThat(PasswordHash.verify("".toCharArray(), hash)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSalt() {
    String a = PasswordHash.hash("same password".toCharArray());
    String b = PasswordHash.hash("same password".toCharArray());
    assertThat(a).isNotEqualTo(b);
    assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
  }

  @Test
  void malformedOrWeakStoredHashesNeverVerify() {
    String hash = PasswordHash.hash("s3nha-forte-demais".toCharArray());
    String[] parts = hash.split("\\$");
    String weak = parts[0] + "$1000$" + parts[2] + "$" + parts[3];
    assertThat(PasswordHash.verify("s3nha-forte-demais".toCharArray(), weak)).isFalse();
    assertThat(PasswordHash.wellFormed(weak)).isFalse();
    assertThat(PasswordHash.verify("x".toCharArray(), "plain-text")).isFalse();
    assertThat(PasswordHash.verify("x".toCharArray(), null)).isFalse();
    assertThat(PasswordHash.verify("x".toCharArray(), "pbkdf2-sha256$abc$%%$%%")).isFalse();
    assertThat(PasswordHash.verifyDecoy("anything".toCharArray())).isFalse();
  }

  @Test
  void theDemoAndTestHashesInTheConfigurationAreForTheDocumentedPasswords() {
    assertThat(PasswordHash.verify("demo-admin".toCharArray(),
        "pbkdf2-sha256$600000$1YPGRns9qfJEekVudIzzSg$j0UA47HUTbCRqtn4XR1fVvTnC1it56ywLGCWxII45GE")).isTrue();
    assertThat(PasswordHash.verify("demo-agent".toCharArray(),
        "pbkdf2-sha256$600000$ieCpQRPJ1jnc9AeAzGcH8w$7UI8fqN0F4VEg75Q4D4SfRyAC3dLmRYW2Vr0Z2H8EOQ")).isTrue();
  }
}
