#include "extract/html.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/ingest.hpp"
#include "extract/utf8.hpp"

namespace geokg::extract {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// HTML 4.01's 253 entities (with &apos;) plus the HTML5 names that show up in news pages: ASCII
// punctuation names, typographic spaces, and the Latin Extended-A letters of Central European and
// Turkish names (Wałęsa, Erdoğan, Šefčovič) that CMSs write as references.
constexpr NamedEntity kNamedEntities[] = {
    NamedEntity{"quot", 34}, NamedEntity{"amp", 38}, NamedEntity{"apos", 39}, NamedEntity{"lt", 60},
    NamedEntity{"gt", 62}, NamedEntity{"QUOT", 34}, NamedEntity{"AMP", 38}, NamedEntity{"LT", 60},
    NamedEntity{"GT", 62}, NamedEntity{"COPY", 169}, NamedEntity{"REG", 174},
    // Latin-1
    NamedEntity{"nbsp", 160}, NamedEntity{"iexcl", 161}, NamedEntity{"cent", 162}, NamedEntity{"pound", 163},
    NamedEntity{"curren", 164}, NamedEntity{"yen", 165}, NamedEntity{"brvbar", 166}, NamedEntity{"sect", 167},
    NamedEntity{"uml", 168}, NamedEntity{"copy", 169}, NamedEntity{"ordf", 170}, NamedEntity{"laquo", 171},
    NamedEntity{"not", 172}, NamedEntity{"shy", 173}, NamedEntity{"reg", 174}, NamedEntity{"macr", 175},
    NamedEntity{"deg", 176}, NamedEntity{"plusmn", 177}, NamedEntity{"sup2", 178}, NamedEntity{"sup3", 179},
    NamedEntity{"acute", 180}, NamedEntity{"micro", 181}, NamedEntity{"para", 182}, NamedEntity{"middot", 183},
    NamedEntity{"cedil", 184}, NamedEntity{"sup1", 185}, NamedEntity{"ordm", 186}, NamedEntity{"raquo", 187},
    NamedEntity{"frac14", 188}, NamedEntity{"frac12", 189}, NamedEntity{"frac34", 190}, NamedEntity{"iquest", 191},
    NamedEntity{"Agrave", 192}, NamedEntity{"Aacute", 193}, NamedEntity{"Acirc", 194}, NamedEntity{"Atilde", 195},
    NamedEntity{"Auml", 196}, NamedEntity{"Aring", 197}, NamedEntity{"AElig", 198}, NamedEntity{"Ccedil", 199},
    NamedEntity{"Egrave", 200}, NamedEntity{"Eacute", 201}, NamedEntity{"Ecirc", 202}, NamedEntity{"Euml", 203},
    NamedEntity{"Igrave", 204}, NamedEntity{"Iacute", 205}, NamedEntity{"Icirc", 206}, NamedEntity{"Iuml", 207},
    NamedEntity{"ETH", 208}, NamedEntity{"Ntilde", 209}, NamedEntity{"Ograve", 210}, NamedEntity{"Oacute", 211},
    NamedEntity{"Ocirc", 212}, NamedEntity{"Otilde", 213}, NamedEntity{"Ouml", 214}, NamedEntity{"times", 215},
    NamedEntity{"Oslash", 216}, NamedEntity{"Ugrave", 217}, NamedEntity{"Uacute", 218}, NamedEntity{"Ucirc", 219},
    NamedEntity{"Uuml", 220}, NamedEntity{"Yacute", 221}, NamedEntity{"THORN", 222}, NamedEntity{"szlig", 223},
    NamedEntity{"agrave", 224}, NamedEntity{"aacute", 225}, NamedEntity{"acirc", 226}, NamedEntity{"atilde", 227},
    NamedEntity{"auml", 228}, NamedEntity{"aring", 229}, NamedEntity{"aelig", 230}, NamedEntity{"ccedil", 231},
    NamedEntity{"egrave", 232}, NamedEntity{"eacute", 233}, NamedEntity{"ecirc", 234}, NamedEntity{"euml", 235},
    NamedEntity{"igrave", 236}, NamedEntity{"iacute", 237}, NamedEntity{"icirc", 238}, NamedEntity{"iuml", 239},
    NamedEntity{"eth", 240}, NamedEntity{"ntilde", 241}, NamedEntity{"ograve", 242}, NamedEntity{"oacute", 243},
    NamedEntity{"ocirc", 244}, NamedEntity{"otilde", 245}, NamedEntity{"ouml", 246}, NamedEntity{"divide", 247},
    NamedEntity{"oslash", 248}, NamedEntity{"ugrave", 249}, NamedEntity{"uacute", 250}, NamedEntity{"ucirc", 251},
    NamedEntity{"uuml", 252}, NamedEntity{"yacute", 253}, NamedEntity{"thorn", 254}, NamedEntity{"yuml", 255},
    // Latin Extended-A and spacing modifiers
    NamedEntity{"Amacr", 256}, NamedEntity{"amacr", 257}, NamedEntity{"Abreve", 258}, NamedEntity{"abreve", 259},
    NamedEntity{"Aogon", 260}, NamedEntity{"aogon", 261}, NamedEntity{"Cacute", 262}, NamedEntity{"cacute", 263},
    NamedEntity{"Ccaron", 268}, NamedEntity{"ccaron", 269}, NamedEntity{"Dcaron", 270}, NamedEntity{"dcaron", 271},
    NamedEntity{"Dstrok", 272}, NamedEntity{"dstrok", 273}, NamedEntity{"Emacr", 274}, NamedEntity{"emacr", 275},
    NamedEntity{"Edot", 278}, NamedEntity{"edot", 279}, NamedEntity{"Eogon", 280}, NamedEntity{"eogon", 281},
    NamedEntity{"Ecaron", 282}, NamedEntity{"ecaron", 283}, NamedEntity{"Gbreve", 286}, NamedEntity{"gbreve", 287},
    NamedEntity{"Imacr", 298}, NamedEntity{"imacr", 299}, NamedEntity{"Idot", 304}, NamedEntity{"imath", 305},
    NamedEntity{"Lstrok", 321}, NamedEntity{"lstrok", 322}, NamedEntity{"Nacute", 323}, NamedEntity{"nacute", 324},
    NamedEntity{"Ncaron", 327}, NamedEntity{"ncaron", 328}, NamedEntity{"Omacr", 332}, NamedEntity{"omacr", 333},
    NamedEntity{"Odblac", 336}, NamedEntity{"odblac", 337}, NamedEntity{"OElig", 338}, NamedEntity{"oelig", 339},
    NamedEntity{"Rcaron", 344}, NamedEntity{"rcaron", 345}, NamedEntity{"Sacute", 346}, NamedEntity{"sacute", 347},
    NamedEntity{"Scedil", 350}, NamedEntity{"scedil", 351}, NamedEntity{"Scaron", 352}, NamedEntity{"scaron", 353},
    NamedEntity{"Tcaron", 356}, NamedEntity{"tcaron", 357}, NamedEntity{"Umacr", 362}, NamedEntity{"umacr", 363},
    NamedEntity{"Uring", 366}, NamedEntity{"uring", 367}, NamedEntity{"Udblac", 368}, NamedEntity{"udblac", 369},
    NamedEntity{"Yuml", 376}, NamedEntity{"Zacute", 377}, NamedEntity{"zacute", 378}, NamedEntity{"Zdot", 379},
    NamedEntity{"zdot", 380}, NamedEntity{"Zcaron", 381}, NamedEntity{"zcaron", 382}, NamedEntity{"fnof", 402},
    NamedEntity{"circ", 710}, NamedEntity{"tilde", 732},
    // Greek
    NamedEntity{"Alpha", 913}, NamedEntity{"Beta", 914}, NamedEntity{"Gamma", 915}, NamedEntity{"Delta", 916},
    NamedEntity{"Epsilon", 917}, NamedEntity{"Zeta", 918}, NamedEntity{"Eta", 919}, NamedEntity{"Theta", 920},
    NamedEntity{"Iota", 921}, NamedEntity{"Kappa", 922}, NamedEntity{"Lambda", 923}, NamedEntity{"Mu", 924},
    NamedEntity{"Nu", 925}, NamedEntity{"Xi", 926}, NamedEntity{"Omicron", 927}, NamedEntity{"Pi", 928},
    NamedEntity{"Rho", 929}, NamedEntity{"Sigma", 931}, NamedEntity{"Tau", 932}, NamedEntity{"Upsilon", 933},
    NamedEntity{"Phi", 934}, NamedEntity{"Chi", 935}, NamedEntity{"Psi", 936}, NamedEntity{"Omega", 937},
    NamedEntity{"alpha", 945}, NamedEntity{"beta", 946}, NamedEntity{"gamma", 947}, NamedEntity{"delta", 948},
    NamedEntity{"epsilon", 949}, NamedEntity{"zeta", 950}, NamedEntity{"eta", 951}, NamedEntity{"theta", 952},
    NamedEntity{"iota", 953}, NamedEntity{"kappa", 954}, NamedEntity{"lambda", 955}, NamedEntity{"mu", 956},
    NamedEntity{"nu", 957}, NamedEntity{"xi", 958}, NamedEntity{"omicron", 959}, NamedEntity{"pi", 960},
    NamedEntity{"rho", 961}, NamedEntity{"sigmaf", 962}, NamedEntity{"sigma", 963}, NamedEntity{"tau", 964},
    NamedEntity{"upsilon", 965}, NamedEntity{"phi", 966}, NamedEntity{"chi", 967}, NamedEntity{"psi", 968},
    NamedEntity{"omega", 969}, NamedEntity{"thetasym", 977}, NamedEntity{"upsih", 978}, NamedEntity{"piv", 982},
    // General punctuation and spaces
    NamedEntity{"ensp", 0x2002}, NamedEntity{"emsp", 0x2003}, NamedEntity{"numsp", 0x2007},
    NamedEntity{"puncsp", 0x2008}, NamedEntity{"thinsp", 0x2009}, NamedEntity{"hairsp", 0x200A},
    NamedEntity{"ZeroWidthSpace", 0x200B}, NamedEntity{"zwnj", 0x200C}, NamedEntity{"zwj", 0x200D},
    NamedEntity{"lrm", 0x200E}, NamedEntity{"rlm", 0x200F}, NamedEntity{"hyphen", 0x2010},
    NamedEntity{"dash", 0x2010}, NamedEntity{"ndash", 0x2013}, NamedEntity{"mdash", 0x2014},
    NamedEntity{"horbar", 0x2015}, NamedEntity{"Verbar", 0x2016}, NamedEntity{"lsquo", 0x2018},
    NamedEntity{"rsquo", 0x2019}, NamedEntity{"rsquor", 0x2019}, NamedEntity{"sbquo", 0x201A},
    NamedEntity{"ldquo", 0x201C}, NamedEntity{"rdquo", 0x201D}, NamedEntity{"rdquor", 0x201D},
    NamedEntity{"bdquo", 0x201E}, NamedEntity{"dagger", 0x2020}, NamedEntity{"Dagger", 0x2021},
    NamedEntity{"bull", 0x2022}, NamedEntity{"bullet", 0x2022}, NamedEntity{"nldr", 0x2025},
    NamedEntity{"hellip", 0x2026}, NamedEntity{"mldr", 0x2026}, NamedEntity{"permil", 0x2030},
    NamedEntity{"prime", 0x2032}, NamedEntity{"Prime", 0x2033}, NamedEntity{"lsaquo", 0x2039},
    NamedEntity{"rsaquo", 0x203A}, NamedEntity{"oline", 0x203E}, NamedEntity{"frasl", 0x2044},
    NamedEntity{"MediumSpace", 0x205F}, NamedEntity{"NoBreak", 0x2060}, NamedEntity{"euro", 0x20AC},
    NamedEntity{"image", 0x2111}, NamedEntity{"weierp", 0x2118}, NamedEntity{"real", 0x211C},
    NamedEntity{"trade", 0x2122}, NamedEntity{"TRADE", 0x2122}, NamedEntity{"alefsym", 0x2135},
    NamedEntity{"larr", 0x2190}, NamedEntity{"uarr", 0x2191}, NamedEntity{"rarr", 0x2192},
    NamedEntity{"darr", 0x2193}, NamedEntity{"harr", 0x2194}, NamedEntity{"crarr", 0x21B5},
    NamedEntity{"lArr", 0x21D0}, NamedEntity{"uArr", 0x21D1}, NamedEntity{"rArr", 0x21D2},
    NamedEntity{"dArr", 0x21D3}, NamedEntity{"hArr", 0x21D4},
    // Mathematical operators, shapes, suits
    NamedEntity{"forall", 0x2200}, NamedEntity{"part", 0x2202}, NamedEntity{"exist", 0x2203},
    NamedEntity{"empty", 0x2205}, NamedEntity{"nabla", 0x2207}, NamedEntity{"isin", 0x2208},
    NamedEntity{"notin", 0x2209}, NamedEntity{"ni", 0x220B}, NamedEntity{"prod", 0x220F},
    NamedEntity{"sum", 0x2211}, NamedEntity{"minus", 0x2212}, NamedEntity{"lowast", 0x2217},
    NamedEntity{"radic", 0x221A}, NamedEntity{"prop", 0x221D}, NamedEntity{"infin", 0x221E},
    NamedEntity{"ang", 0x2220}, NamedEntity{"and", 0x2227}, NamedEntity{"or", 0x2228},
    NamedEntity{"cap", 0x2229}, NamedEntity{"cup", 0x222A}, NamedEntity{"int", 0x222B},
    NamedEntity{"there4", 0x2234}, NamedEntity{"sim", 0x223C}, NamedEntity{"cong", 0x2245},
    NamedEntity{"asymp", 0x2248}, NamedEntity{"ne", 0x2260}, NamedEntity{"equiv", 0x2261},
    NamedEntity{"le", 0x2264}, NamedEntity{"ge", 0x2265}, NamedEntity{"sub", 0x2282},
    NamedEntity{"sup", 0x2283}, NamedEntity{"nsub", 0x2284}, NamedEntity{"sube", 0x2286},
    NamedEntity{"supe", 0x2287}, NamedEntity{"oplus", 0x2295}, NamedEntity{"otimes", 0x2297},
    NamedEntity{"perp", 0x22A5}, NamedEntity{"sdot", 0x22C5}, NamedEntity{"lceil", 0x2308},
    NamedEntity{"rceil", 0x2309}, NamedEntity{"lfloor", 0x230A}, NamedEntity{"rfloor", 0x230B},
    NamedEntity{"lang", 0x27E8}, NamedEntity{"rang", 0x27E9}, NamedEntity{"loz", 0x25CA},
    NamedEntity{"spades", 0x2660}, NamedEntity{"clubs", 0x2663}, NamedEntity{"hearts", 0x2665},
    NamedEntity{"diams", 0x2666}, NamedEntity{"check", 0x2713}, NamedEntity{"cross", 0x2717},
    // ASCII names from HTML5
    NamedEntity{"Tab", 9}, NamedEntity{"NewLine", 10}, NamedEntity{"excl", 33}, NamedEntity{"num", 35},
    NamedEntity{"dollar", 36}, NamedEntity{"percnt", 37}, NamedEntity{"lpar", 40}, NamedEntity{"rpar", 41},
    NamedEntity{"ast", 42}, NamedEntity{"plus", 43}, NamedEntity{"comma", 44}, NamedEntity{"period", 46},
    NamedEntity{"sol", 47}, NamedEntity{"colon", 58}, NamedEntity{"semi", 59}, NamedEntity{"equals", 61},
    NamedEntity{"quest", 63}, NamedEntity{"commat", 64}, NamedEntity{"lsqb", 91}, NamedEntity{"lbrack", 91},
    NamedEntity{"bsol", 92}, NamedEntity{"rsqb", 93}, NamedEntity{"rbrack", 93}, NamedEntity{"Hat", 94},
    NamedEntity{"lowbar", 95}, NamedEntity{"grave", 96}, NamedEntity{"lcub", 123}, NamedEntity{"lbrace", 123},
    NamedEntity{"verbar", 124}, NamedEntity{"vert", 124}, NamedEntity{"rcub", 125}, NamedEntity{"rbrace", 125},
    NamedEntity{"half", 189},
};

constexpr std::size_t kMaxEntityName = 32;

const std::unordered_map<std::string_view, char32_t>& entity_table() {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string_view, char32_t>();
    for (const auto& entity : kNamedEntities) map->emplace(entity.name, entity.code_point);
    return map;
  }();
  return *table;
}

// HTML5 accepts these without the ';' for compatibility with old pages ("&copy 2024", "&amp").
bool is_legacy_entity(std::string_view name, char32_t code_point) {
  if (code_point >= 160 && code_point <= 255) return name != "half";
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "AMP" || name == "LT" ||
         name == "GT" || name == "QUOT" || name == "COPY" || name == "REG";
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool is_hex_digit(char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

char32_t numeric_reference_value(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value <= 0x9F) return cp1252_code_point(static_cast<unsigned char>(value));
  // Control characters in a reference are parse errors; tab, line feed, form feed and CR are fine.
  if ((value < 0x20 && value != '\t' && value != '\n' && value != '\f' && value != '\r') || value == 0x7F) {
    return 0xFFFD;
  }
  return static_cast<char32_t>(value);
}

// Decodes one character reference at text[pos] == '&'; appends the result and returns the number of
// bytes consumed, or 0 when there is no reference there (the '&' is literal).
std::size_t decode_reference(std::string_view text, std::size_t pos, bool in_attribute, std::string& out) {
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    bool hex = false;
    if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) {
      hex = true;
      ++i;
    }
    const std::size_t digits_begin = i;
    std::uint32_t value = 0;
    while (i < text.size() && (hex ? is_hex_digit(text[i]) : is_ascii_digit(text[i]))) {
      const char c = text[i];
      std::uint32_t digit = 0;
      if (is_ascii_digit(c)) {
        digit = static_cast<std::uint32_t>(c - '0');
      } else {
        digit = static_cast<std::uint32_t>(ascii_lower(c) - 'a' + 10);
      }
      // Saturate: anything above U+10FFFF is invalid and becomes U+FFFD anyway.
      value = value > 0x10FFFF ? value : value * (hex ? 16u : 10u) + digit;
      ++i;
    }
    if (i == digits_begin) return 0;
    if (i < text.size() && text[i] == ';') ++i;
    append_utf8(out, numeric_reference_value(value));
    return i - pos;
  }
  std::size_t name_end = i;
  while (name_end < text.size() && name_end - i < kMaxEntityName && is_ascii_alnum(text[name_end])) ++name_end;
  if (name_end == i) return 0;
  const auto& table = entity_table();
  const std::string_view name = text.substr(i, name_end - i);
  if (name_end < text.size() && text[name_end] == ';') {
    if (auto it = table.find(name); it != table.end()) {
      append_utf8(out, it->second);
      return name_end + 1 - pos;
    }
  }
  // Without ';', the longest legacy name that prefixes the run ("&copy2024" -> "©2024").
  for (std::size_t length = name.size(); length >= 2; --length) {
    const std::string_view prefix = name.substr(0, length);
    auto it = table.find(prefix);
    if (it == table.end() || !is_legacy_entity(prefix, it->second)) continue;
    const std::size_t after = i + length;
    // In attribute values "&copy=1" or "&notit" stays literal (query strings in URLs).
    if (in_attribute && after < text.size() && (is_ascii_alnum(text[after]) || text[after] == '=')) return 0;
    append_utf8(out, it->second);
    return after - pos;
  }
  return 0;
}

void decode_entities_into(std::string_view text, bool in_attribute, std::string& out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) {
      out.append(text.substr(pos));
      return;
    }
    out.append(text.substr(pos, amp - pos));
    const std::size_t consumed = decode_reference(text, amp, in_attribute, out);
    if (consumed == 0) {
      out.push_back('&');
      pos = amp + 1;
    } else {
      pos = amp + consumed;
    }
  }
}

// Collapses runs of whitespace (ASCII and U+00A0) into one space and trims.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (is_html_space(c) || c == '\v' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct Attribute {
  std::string name;   // lower case
  std::string value;  // references decoded
};

const std::string* find_attribute(const std::vector<Attribute>& attributes, std::string_view name) {
  for (const auto& attribute : attributes) {
    if (attribute.name == name) return &attribute.value;
  }
  return nullptr;
}

bool has_attribute(const std::vector<Attribute>& attributes, std::string_view name) {
  return find_attribute(attributes, name) != nullptr;
}

template <std::size_t N>
bool is_one_of(std::string_view value, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

constexpr auto kVoidElements = std::to_array<std::string_view>({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen", "command"});

// Content of these is not markup; the scanner jumps to the matching end tag.
constexpr auto kRawTextElements = std::to_array<std::string_view>({
    "script", "style", "title", "textarea", "xmp", "noembed", "noframes", "plaintext", "iframe"});

// Never article text.
constexpr auto kAlwaysDropped = std::to_array<std::string_view>({
    "noscript", "template", "svg", "math", "object", "canvas", "select", "button", "audio", "video", "map",
    "datalist", "iframe"});

// Page chrome, unless the element wraps the article itself.
constexpr auto kChromeElements = std::to_array<std::string_view>({"nav", "header", "footer", "aside", "form", "menu"});

constexpr auto kChromeRoles = std::to_array<std::string_view>({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog"});

// class / id words (split at spaces, '-' and '_') that mark a box as page furniture.
constexpr auto kChromeClassWords = std::to_array<std::string_view>({
    "comments", "comment", "related", "share", "sharing", "social", "newsletter", "advert", "advertisement",
    "ads", "ad", "cookie", "cookies", "promo", "sidebar", "breadcrumb", "breadcrumbs", "subscribe",
    "subscription", "paywall", "popup", "modal", "outbrain", "taboola", "recommended", "trending",
    "byline-social", "toolbar", "navbar", "masthead"});

constexpr auto kParagraphElements = std::to_array<std::string_view>({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "main", "blockquote", "pre", "table",
    "ul", "ol", "dl", "figure", "address", "hr", "details", "fieldset", "center", "body", "html", "hgroup",
    "header"});

constexpr auto kParagraphChromeElements = std::to_array<std::string_view>({"nav", "footer", "aside", "form", "menu"});

constexpr auto kLineElements = std::to_array<std::string_view>({
    "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "option", "legend", "br"});

int break_level(std::string_view name) {
  if (is_one_of(name, kParagraphElements) || is_one_of(name, kParagraphChromeElements)) return 2;
  if (is_one_of(name, kLineElements)) return 1;
  return 0;
}

bool has_chrome_class(const std::vector<Attribute>& attributes) {
  for (std::string_view key : {std::string_view("class"), std::string_view("id")}) {
    const std::string* value = find_attribute(attributes, key);
    if (value == nullptr) continue;
    const std::string words = lower(*value);
    std::size_t pos = 0;
    while (pos < words.size()) {
      std::size_t end = pos;
      while (end < words.size() && !is_html_space(words[end]) && words[end] != '-' && words[end] != '_') ++end;
      if (end > pos && is_one_of(std::string_view(words).substr(pos, end - pos), kChromeClassWords)) return true;
      pos = end + 1;
    }
  }
  return false;
}

bool is_hidden(const std::vector<Attribute>& attributes) {
  if (has_attribute(attributes, "hidden")) return true;
  if (const std::string* aria = find_attribute(attributes, "aria-hidden"); aria != nullptr && lower(*aria) == "true") {
    return true;
  }
  if (const std::string* style = find_attribute(attributes, "style"); style != nullptr) {
    std::string compact;
    for (char c : lower(*style)) {
      if (!is_html_space(c)) compact.push_back(c);
    }
    return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
  }
  return false;
}

// Appends text with HTML whitespace rules: runs of spaces collapse to one, breaks are emitted lazily
// so that no paragraph starts or ends with a space and no more than one blank line separates two.
class TextBuilder {
 public:
  struct Mark {
    std::size_t size = 0;
    int pending_break = 0;
    bool pending_space = false;
  };

  void text(std::string_view s, bool preformatted) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        pending_space_ = true;
        ++i;
        continue;
      }
      if (is_html_space(c) || c == '\v') {
        if (preformatted && c == '\n') {
          line_break(1);
        } else {
          pending_space_ = true;
        }
        continue;
      }
      flush();
      out_.push_back(c);
    }
  }

  void line_break(int level) {
    pending_break_ = std::max(pending_break_, level);
    pending_space_ = false;
  }
  void space() { pending_space_ = true; }

  Mark mark() const { return {out_.size(), pending_break_, pending_space_}; }
  void restore(const Mark& m) {
    out_.resize(m.size);
    pending_break_ = m.pending_break;
    pending_space_ = m.pending_space;
  }
  std::size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }

 private:
  void flush() {
    if (!out_.empty()) {
      if (pending_break_ == 2) {
        out_.append("\n\n");
      } else if (pending_break_ == 1) {
        out_.push_back('\n');
      } else if (pending_space_ && out_.back() != '\n') {
        out_.push_back(' ');
      }
    }
    pending_break_ = 0;
    pending_space_ = false;
  }

  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
};

enum class FrameKind { kNone, kAlwaysDrop, kChrome, kChromeByClass };

struct Element {
  std::string name;
  FrameKind frame = FrameKind::kNone;
  TextBuilder::Mark mark;      // output position when the element opened (frames only)
  bool wraps_article = false;  // an <article>/<main> inside
  std::size_t paragraphs = 0;  // <p> elements inside
};

struct DateCandidate {
  int rank = 100;  // lower wins
  std::string value;
};

// Publication dates from metadata are ISO 8601 in practice; some CMSs write "2024/06/21".
std::optional<Date> parse_metadata_date(std::string_view value) {
  std::string copy(value);
  if (copy.size() >= 10 && copy[4] == '/' && copy[7] == '/') {
    copy[4] = '-';
    copy[7] = '-';
  }
  return parse_published_date(copy);
}

class HtmlConverter {
 public:
  explicit HtmlConverter(std::string_view html) : html_(html) {}

  HtmlText run() {
    std::size_t pos = 0;
    const std::size_t n = html_.size();
    while (pos < n) {
      const std::size_t lt = html_.find('<', pos);
      if (lt == std::string_view::npos) {
        on_text(html_.substr(pos));
        break;
      }
      if (lt > pos) on_text(html_.substr(pos, lt - pos));
      pos = scan_markup(lt);
    }
    // Elements still open at the end were never closed: kept, so a stray <nav> cannot eat the page.
    stack_.clear();
    return finish();
  }

 private:
  // Handles the markup starting at html_[lt] == '<'; returns the position after it.
  std::size_t scan_markup(std::size_t lt) {
    const std::size_t n = html_.size();
    const std::string_view rest = html_.substr(lt);
    if (rest.starts_with("<!--")) {
      const std::size_t end = html_.find("-->", lt + 4);
      return end == std::string_view::npos ? n : end + 3;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      const std::size_t end = html_.find('>', lt);
      return end == std::string_view::npos ? n : end + 1;
    }
    if (rest.size() >= 2 && rest[1] == '/') {
      std::size_t i = lt + 2;
      if (i >= n || !is_ascii_alpha(html_[i])) {
        // "</ >" or "</3": a bogus comment to the next '>'.
        const std::size_t end = html_.find('>', lt);
        return end == std::string_view::npos ? n : end + 1;
      }
      const std::size_t name_begin = i;
      while (i < n && !is_html_space(html_[i]) && html_[i] != '>' && html_[i] != '/') ++i;
      const std::string name = lower(html_.substr(name_begin, i - name_begin));
      const std::size_t end = html_.find('>', i);
      on_close(name);
      return end == std::string_view::npos ? n : end + 1;
    }
    if (rest.size() >= 2 && is_ascii_alpha(rest[1])) return scan_start_tag(lt);
    on_text("<");
    return lt + 1;
  }

  std::size_t scan_start_tag(std::size_t lt) {
    const std::size_t n = html_.size();
    std::size_t i = lt + 1;
    const std::size_t name_begin = i;
    while (i < n && !is_html_space(html_[i]) && html_[i] != '>' && html_[i] != '/') ++i;
    const std::string name = lower(html_.substr(name_begin, i - name_begin));
    std::vector<Attribute> attributes;
    bool self_closing = false;
    bool closed = false;
    while (i < n) {
      while (i < n && (is_html_space(html_[i]) || html_[i] == '/')) {
        self_closing = html_[i] == '/';
        ++i;
      }
      if (i >= n) break;
      if (html_[i] == '>') {
        closed = true;
        ++i;
        break;
      }
      self_closing = false;
      const std::size_t attr_begin = i;
      while (i < n && !is_html_space(html_[i]) && html_[i] != '>' && html_[i] != '/' &&
             (html_[i] != '=' || i == attr_begin)) {
        ++i;
      }
      Attribute attribute{lower(html_.substr(attr_begin, i - attr_begin)), {}};
      std::size_t j = i;
      while (j < n && is_html_space(html_[j])) ++j;
      if (j < n && html_[j] == '=') {
        ++j;
        while (j < n && is_html_space(html_[j])) ++j;
        std::size_t value_begin = j;
        std::size_t value_end = j;
        if (j < n && (html_[j] == '"' || html_[j] == '\'')) {
          const char quote = html_[j];
          value_begin = j + 1;
          const std::size_t close = html_.find(quote, value_begin);
          value_end = close == std::string_view::npos ? n : close;
          j = close == std::string_view::npos ? n : close + 1;
        } else {
          while (j < n && !is_html_space(html_[j]) && html_[j] != '>') ++j;
          value_end = j;
        }
        decode_entities_into(html_.substr(value_begin, value_end - value_begin), true, attribute.value);
        i = j;
      }
      if (attributes.size() < 64) attributes.push_back(std::move(attribute));
    }
    if (!closed) return n;  // a tag cut off by the end of the file is not markup we can use
    on_open(name, attributes, self_closing);
    if (!self_closing && is_one_of(name, kRawTextElements)) return scan_raw_text(name, attributes, i);
    return i;
  }

  std::size_t scan_raw_text(const std::string& name, const std::vector<Attribute>& attributes, std::size_t begin) {
    const std::size_t n = html_.size();
    std::size_t search = begin;
    std::size_t content_end = n;
    std::size_t after = n;
    while (search < n) {
      const std::size_t close = html_.find("</", search);
      if (close == std::string_view::npos) break;
      const std::size_t name_end = close + 2 + name.size();
      if (name_end <= n && lower(html_.substr(close + 2, name.size())) == name &&
          (name_end == n || is_html_space(html_[name_end]) || html_[name_end] == '>' || html_[name_end] == '/')) {
        content_end = close;
        const std::size_t gt = html_.find('>', name_end);
        after = gt == std::string_view::npos ? n : gt + 1;
        break;
      }
      search = close + 2;
    }
    on_raw_text(name, attributes, html_.substr(begin, content_end - begin));
    on_close(name);
    return after;
  }

  void on_text(std::string_view raw) {
    if (raw.empty()) return;
    std::string decoded;
    decode_entities_into(raw, false, decoded);
    builder_.text(decoded, preformatted_ > 0);
    if (capturing_h1_ && h1_.size() < kMaxTitleBytes) h1_.append(decoded);
  }

  void on_open(const std::string& name, const std::vector<Attribute>& attributes, bool self_closing) {
    collect_metadata(name, attributes);
    if (name == "br") {
      builder_.line_break(1);
      return;
    }
    if (name == "td" || name == "th") builder_.space();
    if (const int level = break_level(name); level > 0) builder_.line_break(level);
    if (is_one_of(name, kVoidElements) || self_closing) return;

    Element element;
    element.name = name;
    const std::string* role = find_attribute(attributes, "role");
    const std::string role_lower = role != nullptr ? lower(*role) : std::string();
    if (name == "article" || name == "main" || role_lower == "main" || role_lower == "article") {
      for (auto& open : stack_) open.wraps_article = true;
    }
    if (name == "p") {
      for (auto& open : stack_) ++open.paragraphs;
    }
    const bool article_header = name == "header" && article_depth_ > 0;
    if (is_one_of(name, kAlwaysDropped) || is_hidden(attributes)) {
      element.frame = FrameKind::kAlwaysDrop;
    } else if ((is_one_of(name, kChromeElements) && !article_header) || is_one_of(role_lower, kChromeRoles)) {
      element.frame = FrameKind::kChrome;
    } else if (name != "body" && name != "html" && name != "article" && name != "main" &&
               has_chrome_class(attributes)) {
      element.frame = FrameKind::kChromeByClass;
    }
    if (name == "h1" && !h1_done_ && !capturing_h1_) capturing_h1_ = true;
    // Pages with thousands of unclosed elements: stop tracking rather than grow without bound.
    if (stack_.size() >= kMaxDepth) return;
    if (element.frame != FrameKind::kNone) element.mark = builder_.mark();
    if (name == "pre") ++preformatted_;
    if (name == "svg" || name == "math") ++foreign_;
    if (name == "article" || name == "main") ++article_depth_;
    stack_.push_back(std::move(element));
  }

  void on_close(const std::string& name) {
    if (name == "br") {
      builder_.line_break(1);
      return;
    }
    if (name == "h1" && capturing_h1_) {
      capturing_h1_ = false;
      h1_done_ = !collapse_spaces(h1_).empty();
      if (!h1_done_) h1_.clear();
    }
    // Close the nearest open element of that name and everything opened inside it.
    std::size_t search_limit = std::min(stack_.size(), kMaxCloseSearch);
    for (std::size_t k = 0; k < search_limit; ++k) {
      const std::size_t index = stack_.size() - 1 - k;
      if (stack_[index].name != name) continue;
      while (stack_.size() > index) {
        pop_element();
      }
      break;
    }
    if (name == "td" || name == "th") builder_.space();
    if (const int level = break_level(name); level > 0) builder_.line_break(level);
  }

  void pop_element() {
    Element element = std::move(stack_.back());
    stack_.pop_back();
    if (element.name == "pre" && preformatted_ > 0) --preformatted_;
    if ((element.name == "svg" || element.name == "math") && foreign_ > 0) --foreign_;
    if ((element.name == "article" || element.name == "main") && article_depth_ > 0) --article_depth_;
    bool drop = false;
    switch (element.frame) {
      case FrameKind::kNone:
        break;
      case FrameKind::kAlwaysDrop:
        drop = true;
        break;
      case FrameKind::kChrome:
        // A <form> around the whole page (ASP.NET) or a <header> around the article is not chrome.
        drop = !element.wraps_article && !(element.name == "form" && looks_like_article(element));
        break;
      case FrameKind::kChromeByClass:
        drop = !element.wraps_article && !looks_like_article(element);
        break;
    }
    if (drop) builder_.restore(element.mark);
  }

  bool looks_like_article(const Element& element) const {
    return element.paragraphs >= 3 && builder_.size() >= element.mark.size + 500;
  }

  void on_raw_text(const std::string& name, const std::vector<Attribute>& attributes, std::string_view content) {
    if (name == "title") {
      if (foreign_ == 0 && title_tag_.empty()) {
        std::string decoded;
        decode_entities_into(content, false, decoded);
        title_tag_ = collapse_spaces(decoded);
      }
    } else if (name == "script") {
      const std::string* type = find_attribute(attributes, "type");
      if (type != nullptr && lower(*type).find("ld+json") != std::string::npos) scan_json_ld(content);
    }
  }

  // schema.org NewsArticle metadata: the first "datePublished": "..." string.
  void scan_json_ld(std::string_view json) {
    const std::string_view key = "\"datePublished\"";
    const std::size_t at = json.find(key);
    if (at == std::string_view::npos) return;
    std::size_t i = at + key.size();
    while (i < json.size() && (is_html_space(json[i]) || json[i] == ':')) ++i;
    if (i >= json.size() || json[i] != '"') return;
    const std::size_t end = json.find('"', i + 1);
    if (end == std::string_view::npos) return;
    offer_date(1, json.substr(i + 1, end - i - 1));
  }

  void offer_date(int rank, std::string_view value) {
    if (rank >= published_.rank) return;
    if (auto date = parse_metadata_date(value)) published_ = {rank, date->value};
  }

  void collect_metadata(const std::string& name, const std::vector<Attribute>& attributes) {
    if (name == "meta") {
      const std::string* content = find_attribute(attributes, "content");
      if (content == nullptr) return;
      std::string key;
      for (std::string_view attribute_name : {"property", "name", "itemprop"}) {
        if (const std::string* value = find_attribute(attributes, attribute_name)) {
          key = lower(*value);
          break;
        }
      }
      if (key == "og:title") {
        if (og_title_.empty()) og_title_ = collapse_spaces(*content);
      } else if (key == "twitter:title") {
        if (twitter_title_.empty()) twitter_title_ = collapse_spaces(*content);
      } else if (key == "og:site_name") {
        if (site_name_.empty() || site_name_from_application_) {
          site_name_ = collapse_spaces(*content);
          site_name_from_application_ = false;
        }
      } else if (key == "application-name") {
        if (site_name_.empty()) {
          site_name_ = collapse_spaces(*content);
          site_name_from_application_ = true;
        }
      } else if (key == "og:url") {
        if (og_url_.empty()) og_url_ = collapse_spaces(*content);
      } else if (key == "article:published_time" || key == "og:article:published_time" ||
                 key == "datepublished" || key == "article.published") {
        offer_date(0, *content);
      } else if (is_one_of(key, kMetaDateNames)) {
        offer_date(2, *content);
      }
    } else if (name == "link") {
      const std::string* rel = find_attribute(attributes, "rel");
      const std::string* href = find_attribute(attributes, "href");
      if (rel != nullptr && href != nullptr && lower(*rel) == "canonical" && canonical_url_.empty()) {
        canonical_url_ = collapse_spaces(*href);
      }
    } else {
      const std::string* itemprop = find_attribute(attributes, "itemprop");
      const bool published_prop = itemprop != nullptr && lower(*itemprop) == "datepublished";
      const std::string* datetime = find_attribute(attributes, "datetime");
      const std::string* content = find_attribute(attributes, "content");
      if (published_prop && datetime != nullptr) offer_date(0, *datetime);
      if (published_prop && content != nullptr) offer_date(0, *content);
      if (name == "time" && datetime != nullptr) offer_date(has_attribute(attributes, "pubdate") ? 1 : 4, *datetime);
    }
  }

  HtmlText finish() {
    HtmlText result;
    result.text = builder_.take();
    while (!result.text.empty() && (result.text.back() == '\n' || result.text.back() == ' ')) result.text.pop_back();
    // An <h1> never closed would be the rest of the page, not a title.
    const std::string h1 = capturing_h1_ ? std::string() : collapse_spaces(h1_);
    if (!og_title_.empty()) {
      result.title = og_title_;
    } else if (!twitter_title_.empty()) {
      result.title = twitter_title_;
    } else if (!title_tag_.empty()) {
      // "<title>Headline | Site</title>" with the same headline in <h1>: keep the clean one.
      result.title = (!h1.empty() && title_tag_.starts_with(h1)) ? h1 : title_tag_;
    } else {
      result.title = h1;
    }
    result.published = published_.value;
    result.url = !canonical_url_.empty() ? canonical_url_ : og_url_;
    result.site_name = site_name_;
    return result;
  }

  static constexpr std::size_t kMaxDepth = 4096;
  static constexpr std::size_t kMaxCloseSearch = 256;
  static constexpr std::size_t kMaxTitleBytes = 2048;
  static constexpr auto kMetaDateNames = std::to_array<std::string_view>({
      "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
      "publication-date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
      "dcterms.created", "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
      "og:published_time", "published_time", "article:published", "originalpublicationdate", "release_date",
      "date.available", "created", "datecreated", "cxenseparse:recs:publishtime"});

  std::string_view html_;
  TextBuilder builder_;
  std::vector<Element> stack_;
  int preformatted_ = 0;
  int foreign_ = 0;
  int article_depth_ = 0;  // open <article>/<main>: a <header> inside is the article's own header
  bool capturing_h1_ = false;
  bool h1_done_ = false;
  std::string h1_;
  std::string title_tag_;
  std::string og_title_;
  std::string twitter_title_;
  std::string site_name_;
  bool site_name_from_application_ = false;
  std::string og_url_;
  std::string canonical_url_;
  DateCandidate published_;
};

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  decode_entities_into(text, false, out);
  return out;
}

HtmlText html_to_text(std::string_view html) {
  if (!is_valid_utf8(html)) {
    const std::string repaired = utf8_or_cp1252(html);
    return HtmlConverter(repaired).run();
  }
  return HtmlConverter(html).run();
}

}  // namespace geokg::extract
