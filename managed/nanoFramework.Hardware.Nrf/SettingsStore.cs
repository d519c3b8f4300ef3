using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace nanoFramework.Hardware.Nrf
{
    /// <summary>
    /// The device's settings: string keys ("app/...", "bt/keys/...") with byte values, kept in the
    /// settings_storage partition the way Zephyr's settings subsystem keeps them (NVS), so they survive resets,
    /// power cuts and updates. A write is all or nothing: after a power cut a key holds its old or its new value.
    /// </summary>
    public sealed class SettingsStore
    {
        public static readonly SettingsStore Default = new SettingsStore();

        private const int NotFound = -20; // NVS_E_NOENT

        private SettingsStore()
        {
        }

        /// <summary>Stores value (1 byte or more) under key; SettingsException when the partition is full.</summary>
        public void Set(string key, byte[] value)
        {
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }

            if (value.Length == 0)
            {
                throw new ArgumentException("A setting's value holds at least one byte.", "value");
            }

            Check(SetNative(CheckKey(key), value));
        }

        /// <summary>The value of key, or null when there is none.</summary>
        public byte[] Get(string key)
        {
            CheckKey(key);
            for (;;)
            {
                int length = LengthNative(key);
                if (length == NotFound)
                {
                    return null;
                }

                Check(length);
                byte[] value = new byte[length];
                int read = ReadNative(key, value);
                if (read == NotFound)
                {
                    return null;
                }

                Check(read);
                if (read == length)
                {
                    return value;
                }
                // another thread changed the value in between: read it again
            }
        }

        public bool Contains(string key)
        {
            int length = LengthNative(CheckKey(key));
            if (length == NotFound)
            {
                return false;
            }

            Check(length);
            return true;
        }

        /// <summary>Removes key (nothing happens when there is none).</summary>
        public void Delete(string key)
        {
            Check(DeleteNative(CheckKey(key)));
        }

        /// <summary>The keys equal to prefix or below it ("app" gives "app" and "app/x", not "apps"); all for null or "".</summary>
        public string[] GetKeys(string prefix)
        {
            for (;;)
            {
                int count = KeysNative(prefix, null);
                Check(count);
                string[] keys = new string[count];
                int found = KeysNative(prefix, keys);
                Check(found);
                if (found == count)
                {
                    return keys;
                }
            }
        }

        /// <summary>Erases the whole partition: every key is gone (what SMP's storage erase does).</summary>
        public void EraseAll()
        {
            Check(EraseNative());
        }

        /// <summary>Stores text as UTF-8 (at least one character).</summary>
        public void SetString(string key, string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }

            Set(key, Encoding.UTF8.GetBytes(value));
        }

        /// <summary>The value as UTF-8 text, or null when there is none.</summary>
        public string GetString(string key)
        {
            byte[] value = Get(key);
            return value == null ? null : Encoding.UTF8.GetString(value);
        }

        public void SetInt32(string key, int value)
        {
            Set(key, new byte[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24) });
        }

        /// <summary>The 4-byte little-endian value of key, or defaultValue when there is none.</summary>
        public int GetInt32(string key, int defaultValue)
        {
            byte[] value = Get(key);
            if (value == null)
            {
                return defaultValue;
            }

            if (value.Length != 4)
            {
                throw new SettingsException("The value of '" + key + "' is not a 4-byte integer.", 0);
            }

            return value[0] | value[1] << 8 | value[2] << 16 | value[3] << 24;
        }

        private static string CheckKey(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            return key;
        }

        private static void Check(int result)
        {
            if (result < 0)
            {
                throw new SettingsException(ErrorText(result), result);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int SetNative(string key, byte[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int LengthNative(string key);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ReadNative(string key, byte[] buffer);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int DeleteNative(string key);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int KeysNative(string prefix, string[] names);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int EraseNative();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string ErrorText(int error);
    }

    /// <summary>A settings operation that failed; the message says why (e.g. the partition is full).</summary>
    public class SettingsException : Exception
    {
        public SettingsException(string message, int errorCode)
            : base(message)
        {
            ErrorCode = errorCode;
        }

        /// <summary>The native error code (NVS or flash), 0 for a value of the wrong shape.</summary>
        public int ErrorCode { get; }
    }
}
