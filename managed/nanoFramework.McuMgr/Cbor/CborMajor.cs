namespace nanoFramework.McuMgr.Cbor
{
    /// <summary>CBOR major types (RFC 8949 §3.1) and the simple values the server uses.</summary>
    public static class CborMajor
    {
        public const int Unsigned = 0;
        public const int Negative = 1;
        public const int Bytes = 2;
        public const int Text = 3;
        public const int Array = 4;
        public const int Map = 5;
        public const int Tag = 6;
        public const int Simple = 7;

        public const int False = 20;
        public const int True = 21;
        public const int Null = 22;
        public const int Undefined = 23;
        /// <summary>Additional information 31: indefinite length, or the break stop code under major 7.</summary>
        public const int Indefinite = 31;
    }
}
