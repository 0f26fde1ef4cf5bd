package com.deltaenergy.invoicing.api.client;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a tax ID is well formed for the client's country: Paraguay's RUC and Brazil's CPF and
 * CNPJ by their check digits, EU VAT numbers by each member state's format, US EINs by format and
 * prefix. Any other country (or none): a short printable identifier of letters, digits and the
 * usual separators. What gets printed on an invoice is then at least plausible.
 */
final class TaxIds {

  static final int MAX_LENGTH = 32;

  private static final Pattern OTHER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./-]*");

  /** Per member state, the number after its prefix (spaces, dots and dashes removed). */
  private static final Map<String, Pattern> EU_VAT =
      Map.ofEntries(
          Map.entry("AT", Pattern.compile("U\\d{8}")),
          Map.entry("BE", Pattern.compile("[01]\\d{9}")),
          Map.entry("BG", Pattern.compile("\\d{9,10}")),
          Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
          Map.entry("CZ", Pattern.compile("\\d{8,10}")),
          Map.entry("DE", Pattern.compile("\\d{9}")),
          Map.entry("DK", Pattern.compile("\\d{8}")),
          Map.entry("EE", Pattern.compile("\\d{9}")),
          Map.entry("GR", Pattern.compile("\\d{9}")),
          Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
          Map.entry("FI", Pattern.compile("\\d{8}")),
          Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
          Map.entry("HR", Pattern.compile("\\d{11}")),
          Map.entry("HU", Pattern.compile("\\d{8}")),
          Map.entry("IE", Pattern.compile("\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]")),
          Map.entry("IT", Pattern.compile("\\d{11}")),
          Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
          Map.entry("LU", Pattern.compile("\\d{8}")),
          Map.entry("LV", Pattern.compile("\\d{11}")),
          Map.entry("MT", Pattern.compile("\\d{8}")),
          Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
          Map.entry("PL", Pattern.compile("\\d{10}")),
          Map.entry("PT", Pattern.compile("\\d{9}")),
          Map.entry("RO", Pattern.compile("[1-9]\\d{1,9}")),
          Map.entry("SE", Pattern.compile("\\d{12}")),
          Map.entry("SI", Pattern.compile("\\d{8}")),
          Map.entry("SK", Pattern.compile("\\d{10}")));

  /** EIN prefixes the IRS has never assigned. */
  private static final java.util.Set<String> UNASSIGNED_EIN_PREFIXES =
      java.util.Set.of("00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97");

  private TaxIds() {}

  /** Why the tax ID is not valid for the country (ISO 3166 alpha-2, or null), or null when it is. */
  static String problem(String country, String taxId) {
    if (taxId == null) {
      return null;
    }
    if (taxId.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    String code = country == null ? "" : country;
    if (code.equals("PY")) {
      return ruc(taxId) ? null : "must be a Paraguayan RUC like 80012345-0 with a correct check digit";
    }
    if (code.equals("BR")) {
      String digits = taxId.replaceAll("[.\\-/ ]", "");
      boolean valid = digits.matches("\\d{11}") ? cpf(digits) : digits.matches("\\d{14}") && cnpj(digits);
      return valid ? null : "must be a Brazilian CPF (11 digits) or CNPJ (14 digits) with correct check digits";
    }
    if (code.equals("US")) {
      return ein(taxId) ? null : "must be a US EIN like 12-3456789";
    }
    if (EU_VAT.containsKey(code)) {
      return euVat(code, taxId) ? null : "must be a " + code + " VAT number (" + EU_VAT.get(code).pattern() + " after the prefix)";
    }
    return OTHER.matcher(taxId).matches() ? null : "must be letters and digits, with spaces, dots, dashes or slashes between them";
  }

  /** Paraguay: base-dv, the check digit by modulus 11 with weights 2, 3, … from the right. */
  static boolean ruc(String taxId) {
    var match = Pattern.compile("(\\d{1,8})-?(\\d)").matcher(taxId);
    if (!match.matches()) {
      return false;
    }
    String base = match.group(1);
    int total = 0;
    int weight = 2;
    for (int i = base.length() - 1; i >= 0; i--) {
      total += (base.charAt(i) - '0') * weight;
      weight = weight == 11 ? 2 : weight + 1;
    }
    int remainder = total % 11;
    int check = remainder > 1 ? 11 - remainder : 0;
    return check == match.group(2).charAt(0) - '0';
  }

  static boolean cpf(String digits) {
    if (digits.chars().distinct().count() == 1) {
      return false;
    }
    return checkDigit(digits, 9, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2}) == digits.charAt(9) - '0'
        && checkDigit(digits, 10, new int[] {11, 10, 9, 8, 7, 6, 5, 4, 3, 2}) == digits.charAt(10) - '0';
  }

  static boolean cnpj(String digits) {
    if (digits.chars().distinct().count() == 1) {
      return false;
    }
    return checkDigit(digits, 12, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == digits.charAt(12) - '0'
        && checkDigit(digits, 13, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == digits.charAt(13) - '0';
  }

  private static int checkDigit(String digits, int length, int[] weights) {
    int total = 0;
    for (int i = 0; i < length; i++) {
      total += (digits.charAt(i) - '0') * weights[i];
    }
    int remainder = total % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }

  static boolean ein(String taxId) {
    return taxId.matches("\\d{2}-?\\d{7}") && !UNASSIGNED_EIN_PREFIXES.contains(taxId.substring(0, 2));
  }

  static boolean euVat(String country, String taxId) {
    String compact = taxId.replaceAll("[ .\\-]", "").toUpperCase(Locale.ROOT);
    String prefix = country.equals("GR") ? "EL" : country;
    if (compact.startsWith(prefix)) {
      compact = compact.substring(prefix.length());
    }
    return EU_VAT.get(country).matcher(compact).matches();
  }
}
