// ingest: type sniffing, PDF text layers and rendering, images, and every kind of bad input.
#include "pipeline/reading/ingest.hpp"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "pipeline/reading/leptonica_pix.hpp"
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
  EXPECT_EQ(Open("hello\n", options).error().message, "not a pdf, png, jpeg, tiff or heic file");
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
  EXPECT_EQ(page->decoder, "poppler (text layer)");
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

// A letter page that is one JPEG (850 × 1100, 100 dpi) with a black block at its top left, as a
// scanner writes it; with `mark_over`, the page then paints a black block over its bottom right.
std::string ScannedPdf(bool mark_over) {
  leptonica::PixPtr pix(pixCreate(850, 1100, 8));
  pixSetAll(pix.get());
  Box* block = boxCreate(50, 50, 200, 100);
  pixClearInRect(pix.get(), block);
  boxDestroy(&block);
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixWriteMemJpeg(&data, &size, pix.get(), 90, 0), 0);
  std::string jpeg(reinterpret_cast<char*>(data), size);
  lept_free(data);
  std::string content = "q 612 0 0 792 0 0 cm /Im0 Do Q\n";
  if (mark_over) content += "0 g 306 0 306 396 re f\n";
  return testing::PdfOf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 4 0 R >> >> "
      "/Contents 5 0 R >>",
      testing::PdfStream("<< /Type /XObject /Subtype /Image /Width 850 /Height 1100 /ColorSpace /DeviceGray "
                         "/BitsPerComponent 8 /Filter /DCTDecode",
                         jpeg),
      testing::PdfStream("<<", content)});
}

// A scanned page is decoded from its JPEG rather than drawn by Poppler, and scaled to the chosen
// dpi; it must come out the right way up and the right size, and anything the page draws over
// its image must still be there.
TEST(Open, ScannedPdfPageComesOutAsDrawnAtTheChosenDpi) {
  for (bool mark_over : {false, true}) {
    for (int dpi : {100, 200}) {
      Options options;
      options.render_dpi = dpi;
      auto source = Open(ScannedPdf(mark_over), options);
      ASSERT_TRUE(source);
      auto page = (*source)->LoadPage(0);
      ASSERT_TRUE(page);
      ASSERT_EQ(page->text_source, TextSource::kOcr);
      // A page that draws over its image is drawn by Poppler; else its JPEG is the page.
      EXPECT_EQ(page->decoder, mark_over ? "poppler" : "leptonica (the PDF's JPEG)");
      EXPECT_EQ(page->dpi, dpi);
      EXPECT_EQ(page->image.width, 850 * dpi / 100);
      EXPECT_EQ(page->image.height, 1100 * dpi / 100);
      auto at = [&](int x, int y) { return page->image.at(x * dpi / 100, y * dpi / 100); };  // in the JPEG's pixels
      EXPECT_LT(at(150, 100), 60) << "the block at the top left";
      EXPECT_GT(at(700, 100), 200) << "paper at the top right";
      EXPECT_GT(at(100, 1000), 200) << "paper at the bottom left";
      if (mark_over) {
        EXPECT_LT(at(700, 1000), 60) << "the block drawn over the image";
      } else {
        EXPECT_GT(at(700, 1000), 200);
      }
    }
  }
  // A JPEG larger than the pixel limit is not decoded: the page is drawn within the limit instead.
  Options small;
  small.render_dpi = 100;
  small.limits.max_pixels_per_page = 500'000;
  auto source = Open(ScannedPdf(false), small);
  ASSERT_TRUE(source);
  auto page = (*source)->LoadPage(0);
  ASSERT_TRUE(page);
  EXPECT_LE(static_cast<std::int64_t>(page->image.width) * page->image.height, 500'000);
  EXPECT_LT(page->image.at(150 * page->image.width / 850, 100 * page->image.height / 1100), 60);
}

TEST(Open, APageIsNotReadPastItsFilesDeadline) {  // issue 24, defect 9
  Options options;
  options.deadline = std::chrono::steady_clock::now();
  auto source = Open(testing::SlowPdf(), options);
  ASSERT_TRUE(source);
  auto page = (*source)->LoadPage(0);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().message, "page 1: not read: the file's time ran out");
}

// Gray pages, and 1-bit pages as fax software and many scanners write them (Leptonica writes 1-bit
// pages G4-compressed).
TEST(Open, MultiPageTiff) {
  for (int depth : {8, 1}) {
    testing::ScratchDir dir;
    Pixa* pixa = pixaCreate(3);
    for (int i = 0; i < 3; ++i) {
      Pix* pix = pixCreate(200 + 10 * i, 100, depth);
      if (depth == 8) pixSetAllArbitrary(pix, 255);
      pixSetPixel(pix, 5, 5, depth == 8 ? 0 : 1);  // one black dot
      pixaAddPix(pixa, pix, L_INSERT);
    }
    std::string path = dir / "three.tif";
    ASSERT_EQ(pixaWriteMultipageTiff(path.c_str(), pixa), 0);
    pixaDestroy(&pixa);
    std::string bytes = ReadFile(path);
    if (depth == 1) {  // the first page's compression tag (259) says 4: CCITT group 4
      l_int32 compression = 0;
      FILE* file = fopenReadFromMemory(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
      ASSERT_NE(file, nullptr);
      EXPECT_EQ(findTiffCompression(file, &compression), 0);
      std::fclose(file);
      EXPECT_EQ(compression, IFF_TIFF_G4);
    }
    auto source = Open(bytes, Options{});
    ASSERT_TRUE(source);
    ASSERT_EQ((*source)->PageCount(), 3);
    for (int i = 0; i < 3; ++i) {
      auto page = (*source)->LoadPage(i);
      ASSERT_TRUE(page);
      EXPECT_EQ(page->number, i + 1);
      EXPECT_EQ(page->image.width, 200 + 10 * i);
      EXPECT_LT(page->image.at(5, 5), 128) << "depth " << depth;
      EXPECT_GT(page->image.at(50, 50), 128) << "depth " << depth;
    }
  }
}

// A standard-resolution fax is stored 204 dpi across and 98 lines an inch down: it is read at
// square pixels, twice as tall as stored, and known for the 1-bit page it is.
TEST(Open, AStandardFaxPageIsStretchedToSquarePixels) {
  testing::ScratchDir dir;
  Pix* pix = pixCreate(408, 196, 1);
  pixRasterop(pix, 100, 50, 40, 20, PIX_SET, nullptr, 0, 0);  // a black block, 40 x 20 as stored
  pixSetResolution(pix, 204, 98);
  std::string path = dir / "fax.tif";
  ASSERT_EQ(pixWriteTiff(path.c_str(), pix, IFF_TIFF_G4, "w"), 0);
  pixDestroy(&pix);
  auto source = Open(ReadFile(path), Options{});
  ASSERT_TRUE(source);
  auto page = (*source)->LoadPage(0);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->bilevel);
  EXPECT_EQ(page->dpi, 204);
  EXPECT_EQ(page->image.width, 408);
  EXPECT_NEAR(page->image.height, 408, 2);
  EXPECT_LT(page->image.at(120, 140), 128);  // the block's middle, at twice its stored height
  EXPECT_GT(page->image.at(120, 60), 128);   // above it, where it stood as stored
}

TEST(Open, JpegAndPngImages) {
  auto photo = Open(ReadFile(testing::SamplesInbox() + "/E001-bill-photo.jpg"), Options{});
  ASSERT_TRUE(photo);
  auto page = photo.value()->LoadPage(0);
  ASSERT_TRUE(page);
  EXPECT_GT(page->image.width, 1000);
  EXPECT_EQ(page->decoder, "leptonica");
  auto fax = Open(ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"), Options{});
  ASSERT_TRUE(fax);
  auto fax_page = fax.value()->LoadPage(0);
  ASSERT_TRUE(fax_page);
  EXPECT_EQ(fax_page->decoder, "leptonica");
}

// A phone's photo is a colour JPEG: it comes in as one grey page, ink dark and paper light whatever
// the colour of either (only the JPEG's luminance is decoded).
TEST(Open, AColourJpegIsReadAsItsLuminance) {
  leptonica::PixPtr pix(pixCreate(400, 300, 32));
  ASSERT_TRUE(pix);
  pixSetAllArbitrary(pix.get(), 0xf5e6c800);  // warm paper: R 245, G 230, B 200
  for (int y = 100; y < 140; ++y) {
    for (int x = 50; x < 350; ++x) pixSetPixel(pix.get(), x, y, 0x1e285000);  // dark blue ink
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemJpeg(&data, &size, pix.get(), 90, 0), 0);
  std::string jpeg(reinterpret_cast<char*>(data), size);
  lept_free(data);
  auto photo = Open(jpeg, Options{});
  ASSERT_TRUE(photo);
  auto page = photo.value()->LoadPage(0);
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->image.width, 400);
  ASSERT_EQ(page->image.height, 300);
  EXPECT_NEAR(page->image.at(200, 30), 0.299 * 245 + 0.587 * 230 + 0.114 * 200, 4);  // the paper's luminance
  EXPECT_NEAR(page->image.at(200, 120), 0.299 * 30 + 0.587 * 40 + 0.114 * 80, 6);   // the ink's
}

}  // namespace
}  // namespace shoebox::ingest
