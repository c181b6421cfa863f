// ingest: type sniffing, PDF text layers and rendering, images, and every kind of bad input.
#include "pipeline/ingest.hpp"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "tests/test_support.hpp"

namespace shoebox::ingest {
namespace {

using testing::ReadFile;

std::string Png(int width, int height) {
  // Signature and IHDR only: enough for the header reader, which must refuse before decoding.
  std::string bytes = "\x89PNG\r\n\x1a\n";
  bytes += std::string("\0\0\0\x0dIHDR", 8);
  for (int value : {width, height}) {
    for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((value >> shift) & 0xff);
  }
  bytes += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit gray
  bytes += std::string("\0\0\0\0", 4);              // CRC (not checked by the header reader)
  bytes += std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
  return bytes;
}

const char* kEncryptedPdf =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
    "endobj\n5 0 obj\n<< /Filter /Standard /V 1 /R 2 /O (0123456789012345678901234567890a) "
    "/U (0123456789012345678901234567890b) /P -4 >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R "
    "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n%%EOF\n";

TEST(SniffMediaType, FromBytesNotNames) {
  EXPECT_EQ(SniffMediaType("%PDF-1.7\n..."), MediaType::kPdf);
  EXPECT_EQ(SniffMediaType("junk before the header %PDF-1.4"), MediaType::kPdf);
  EXPECT_EQ(SniffMediaType(Png(10, 10)), MediaType::kPng);
  EXPECT_EQ(SniffMediaType("\xff\xd8\xff\xe0"), MediaType::kJpeg);
  EXPECT_EQ(SniffMediaType(std::string("II*\0", 4)), MediaType::kTiff);
  EXPECT_EQ(SniffMediaType(std::string("MM\0*", 4)), MediaType::kTiff);
  EXPECT_EQ(SniffMediaType("hello, I am a text file"), MediaType::kUnknown);
}

TEST(Open, BadInputReasons) {
  Options options;
  EXPECT_EQ(Open("", options).error().message, "empty file (0 bytes)");
  EXPECT_EQ(Open("hello\n", options).error().message, "not a pdf, png, jpeg or tiff file");
  EXPECT_EQ(Open(kEncryptedPdf, options).error().message,
            "pdf is encrypted; decrypt it first (qpdf --decrypt in.pdf out.pdf)");
  std::string pdf = ReadFile(testing::SamplesInbox() + "/E001-bill-born_digital.pdf");
  ASSERT_FALSE(pdf.empty());
  EXPECT_EQ(Open(pdf.substr(0, pdf.size() / 2), options).error().message,
            "pdf is damaged or truncated and could not be opened");
  EXPECT_EQ(Open("%PDF-1.4\n1 0 obj\n<<", options).error().message,
            "pdf is damaged or truncated and could not be opened");
}

TEST(Open, AbsurdPixelCountIsRefusedBeforeDecoding) {
  auto source = Open(Png(100000, 100000), Options{});
  ASSERT_TRUE(source);  // the header is fine; the page is refused when loaded
  ASSERT_EQ((*source)->PageCount(), 1);
  auto page = (*source)->LoadPage(0);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().message, "page 1: image is 100000x100000 pixels, above the 120-megapixel limit");
}

TEST(Open, CorruptImageData) {
  auto source = Open(Png(100, 100), Options{});  // a header with no image data behind it
  ASSERT_TRUE(source);
  auto page = (*source)->LoadPage(0);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().message, "page 1: image data is corrupt or truncated");
}

std::vector<Word> WordsOf(const std::string& text) {
  std::vector<Word> words;
  std::string word;
  for (char c : text + " ") {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      words.push_back({word, {}, 1.0});
      word.clear();
    }
  }
  return words;
}

TEST(TextLayerLooksSound, WordsAreBelievedGarbageAndEmptyLayersAreNot) {
  std::string statement = "Statement Date 03/04/2025 Account Number 555-0101 Patient Responsibility $185.00 "
                          "Total Charges Insurance Payments Adjustments Amount Due Please remit HCPCS CPT";
  EXPECT_TRUE(ingest::TextLayerLooksSound(WordsOf(statement), 20));
  EXPECT_FALSE(ingest::TextLayerLooksSound(WordsOf("Page 1"), 20));  // too little to be a layer
  // A font without a Unicode map: private-use code points.
  std::string unmapped;
  for (int i = 0; i < 40; ++i) unmapped += "\xEE\x80\x81\xEE\x80\x82 A1 ";
  EXPECT_FALSE(ingest::TextLayerLooksSound(WordsOf(unmapped), 20));
  // Shifted glyph codes: letter soup without vowels.
  EXPECT_FALSE(ingest::TextLayerLooksSound(
      WordsOf("Wkdpqv Gdwh Dffrxqw Qxpehu Sdwlhqw Uhvsrqvlelolwb Wrwdo Fkdujhv Lqvxudqfh Sdbphqwv Dgmxvwphqwv "
              "Dprxqw Gxh Sohdvh Uhplw Wkdqn Brx Vwdwhphqw Fkdujhv"),
      20));
}

TEST(Open, BornDigitalPdfUsesItsTextLayer) {
  auto source = Open(ReadFile(testing::SamplesInbox() + "/E001-bill-born_digital.pdf"), Options{});
  ASSERT_TRUE(source);
  ASSERT_EQ((*source)->PageCount(), 1);
  auto page = (*source)->LoadPage(0);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->text_source, TextSource::kTextLayer);
  EXPECT_TRUE(page->image.empty());  // no rendering when the text layer is sound
  EXPECT_EQ(page->width_px, 2550);   // letter at 300 dpi
  bool found = false;
  for (const Word& word : page->words) {
    found |= word.text == "Amount" || word.text == "Balance";
    EXPECT_FALSE(word.box_px.empty());
  }
  EXPECT_TRUE(found);
}

TEST(Open, ImageOnlyPdfIsRendered) {
  Options options;
  options.render_dpi = 150;
  auto source = Open(ReadFile(testing::SamplesInbox() + "/E001-bill-scan.pdf"), options);
  ASSERT_TRUE(source);
  auto page = (*source)->LoadPage(0);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->text_source, TextSource::kOcr);
  EXPECT_EQ(page->dpi, 150);
  EXPECT_NEAR(page->image.width, 1275, 2);
  EXPECT_NEAR(page->image.height, 1650, 2);
}

TEST(Open, MultiPageTiff) {
  testing::ScratchDir dir;
  Pixa* pixa = pixaCreate(3);
  for (int i = 0; i < 3; ++i) {
    Pix* pix = pixCreate(200 + 10 * i, 100, 8);
    pixSetAllArbitrary(pix, 255);
    pixaAddPix(pixa, pix, L_INSERT);
  }
  std::string path = dir / "three.tif";
  ASSERT_EQ(pixaWriteMultipageTiff(path.c_str(), pixa), 0);
  pixaDestroy(&pixa);
  auto source = Open(ReadFile(path), Options{});
  ASSERT_TRUE(source);
  ASSERT_EQ((*source)->PageCount(), 3);
  for (int i = 0; i < 3; ++i) {
    auto page = (*source)->LoadPage(i);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->number, i + 1);
    EXPECT_EQ(page->image.width, 200 + 10 * i);
  }
}

TEST(Open, JpegAndPngImages) {
  auto photo = Open(ReadFile(testing::SamplesInbox() + "/E001-bill-photo.jpg"), Options{});
  ASSERT_TRUE(photo);
  auto page = photo.value()->LoadPage(0);
  ASSERT_TRUE(page);
  EXPECT_GT(page->image.width, 1000);
  auto fax = Open(ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"), Options{});
  ASSERT_TRUE(fax);
  EXPECT_TRUE(fax.value()->LoadPage(0));
}

}  // namespace
}  // namespace shoebox::ingest
