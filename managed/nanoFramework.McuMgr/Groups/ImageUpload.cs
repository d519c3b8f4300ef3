using nanoFramework.McuMgr.Cbor;

namespace nanoFramework.McuMgr.Groups
{
    /// <summary>
    /// The upload protocol: a session opened by the chunk at offset 0 (len, sha), chunks written in order,
    /// {"off": next} after each, the bootloader's verdict after the last byte. The first chunk's sha names the
    /// session: the same sha again resumes at the offset reached.
    /// </summary>
    public sealed class ImageUpload
    {
        readonly IImageSlots _slots;

        bool _open;
        int _image;
        int _length;
        int _offset;
        readonly byte[] _sha = new byte[Smp.ImageHashSize];
        int _shaLength;

        public ImageUpload(IImageSlots slots) { _slots = slots; }

        /// <summary>Ends the session (the slot was erased).</summary>
        public void Abandon() { _open = false; }

        public int Chunk(SmpRequest request, CborReader body, CborWriter answer)
        {
            int image = 0, length = -1, offset = -1;
            byte[] sha = null, data = null;
            int shaOffset = 0, shaLength = 0, dataOffset = 0, dataLength = 0;
            bool upgrade = false;
            int remaining = body.BeginMap();
            while (body.NextItem(ref remaining))
            {
                byte[] key = body.ReadKey(out int ko, out int kc);
                if (key == null)
                    body.Skip();
                else if (CborReader.IsText(key, ko, kc, "data"))
                    data = body.ReadBytes(out dataOffset, out dataLength);
                else if (CborReader.IsText(key, ko, kc, "off"))
                    offset = body.ReadCount();
                else if (CborReader.IsText(key, ko, kc, "len"))
                    length = body.ReadCount();
                else if (CborReader.IsText(key, ko, kc, "image"))
                    image = body.ReadCount();
                else if (CborReader.IsText(key, ko, kc, "sha"))
                    sha = body.ReadBytes(out shaOffset, out shaLength);
                else if (CborReader.IsText(key, ko, kc, "upgrade"))
                    upgrade = body.ReadBool();
                else
                    body.Skip();
            }
            if (data == null || offset < 0)
                return SmpResult.InvalidValue;

            if (offset == 0)
            {
                if (length < 0)
                    return SmpResult.InvalidValue;
                if (sha != null && shaLength > Smp.ImageHashSize)
                    return ImageError.InvalidHash;
                if (_open && sha != null && image == _image && length == _length && shaLength == _shaLength
                    && SameSha(sha, shaOffset, shaLength))
                    return Answer(answer, _offset);
                int rc = Begin(request, image, length, upgrade, data, dataOffset, dataLength);
                if (rc != 0)
                    return rc;
                _shaLength = sha == null ? 0 : shaLength;
                for (int i = 0; i < _shaLength; i++)
                    _sha[i] = sha[shaOffset + i];
            }
            else if (!_open || offset != _offset)
            {
                // Not the offset expected (a lost or repeated chunk, or no session): nothing is written,
                // and the answer tells the client where to go on.
                return Answer(answer, _open ? _offset : 0);
            }

            if (dataLength > _length - offset)
                return ImageError.InvalidImageDataOverrun;
            int written = _slots.UploadWrite(offset, data, dataOffset, dataLength);
            if (written != 0)
                return written;
            _offset = offset + dataLength;
            if (_offset < _length)
                return Answer(answer, _offset);
            return Finish(request, answer);
        }

        int Begin(SmpRequest request, int image, int length, bool upgrade, byte[] data, int offset, int count)
        {
            _open = false;
            if (image >= Smp.ImageCount)
                return ImageError.InvalidSlot;
            if (count < Smp.ImageHeaderSize || length < Smp.ImageHeaderSize)
                return ImageError.InvalidImageHeader;
            if (ImageHeader.Magic(data, offset) != Smp.ImageMagic)
                return ImageError.InvalidImageHeaderMagic;
            if (length > _slots.MaxImageSize(image))
                return ImageError.InvalidImageTooLarge;
            if (upgrade && !ImageHeader.IsNewer(data, offset, Running(image)))
            {
                request.Reason = "upgrade refused: the running image's version is the same or newer";
                return ImageError.CurrentVersionIsNewer;
            }
            int rc = _slots.UploadBegin(image, length);
            if (rc != 0)
                return rc;
            _open = true;
            _image = image;
            _length = length;
            _offset = 0;
            return 0;
        }

        /// <summary>The version of the image that runs (the active slot of that image); null for none.</summary>
        string Running(int image)
        {
            SlotState[] images = _slots.Read();
            for (int i = 0; i < images.Length; i++)
                if (images[i].Image == image && images[i].Active)
                    return images[i].Version;
            return null;
        }

        int Finish(SmpRequest request, CborWriter answer)
        {
            _open = false;
            UploadVerdict verdict = _slots.UploadFinish();
            if (verdict.Error != 0)
            {
                request.Reason = verdict.Reason;
                return verdict.Error;
            }
            answer.BeginMap(_shaLength > 0 ? 2 : 1);
            answer.WriteEntry("off", _length);
            if (_shaLength > 0)
            {
                answer.WriteText("match");
                answer.WriteBool(verdict.Sha256 != null && SameSha(verdict.Sha256, 0, verdict.Sha256.Length));
            }
            return 0;
        }

        bool SameSha(byte[] sha, int offset, int length)
        {
            if (length < _shaLength || _shaLength == 0)
                return false;
            for (int i = 0; i < _shaLength; i++)
                if (sha[offset + i] != _sha[i])
                    return false;
            return true;
        }

        static int Answer(CborWriter answer, int offset)
        {
            answer.BeginMap(1);
            answer.WriteEntry("off", offset);
            return 0;
        }
    }
}
