package dev.switchboard.engine.ai.guard;

/** Brazilian document numbers with their check digits (a random 11-digit number is not a CPF). */
public final class Documents {
  private Documents() {
  }

  public static boolean validCpf(String digits) {
    if (digits == null || !digits.matches("\\d{11}") || digits.chars().distinct().count() == 1) {
      return false;
    }
    return check(digits, 9, 10) == digits.charAt(9) - '0' && check(digits, 10, 11) == digits.charAt(10) - '0';
  }

  public static boolean validCnpj(String digits) {
    if (digits == null || !digits.matches("\\d{14}") || digits.chars().distinct().count() == 1) {
      return false;
    }
    int[] w1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int[] w2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    return cnpjDigit(digits, w1) == digits.charAt(12) - '0' && cnpjDigit(digits, w2) == digits.charAt(13) - '0';
  }

  private static int check(String d, int length, int weightStart) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (d.charAt(i) - '0') * (weightStart - i);
    }
    int r = (sum * 10) % 11;
    return r == 10 ? 0 : r;
  }

  private static int cnpjDigit(String d, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (d.charAt(i) - '0') * weights[i];
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }
}
