using System;
using nanoFramework.Hardware.Nrf;

// Firmware update from C# on the simulated DK. With an image in the upload slot (put there by the test): it is
// listed, requested for good, and the slot is then busy. Without: a bad upload is refused with the bootloader's
// line, bad arguments get their codes, confirming writes nothing, and the app resets (exit code 8).
class Program
{
    static void Main()
    {
        FirmwareImage[] images = Firmware.GetImages();
        bool staged = false;
        foreach (FirmwareImage image in images)
        {
            Print(image);
            staged |= image.Slot == 1;
        }

        if (staged)
        {
            Console.WriteLine(Firmware.SetPending(true));
            foreach (FirmwareImage image in Firmware.GetImages())
            {
                Print(image);
            }

            Console.WriteLine(Firmware.EraseUpload() == Firmware.ErrorBusy);
            Console.WriteLine(Firmware.UploadBegin(0, 100) == Firmware.ErrorBusy);
            return;
        }

        Console.WriteLine(Firmware.LastBoot == null);
        Console.WriteLine((Firmware.MaxImageSize(0) > Firmware.MaxImageSize(3)) + " " + Firmware.MaxImageSize(3) + " " +
                          Firmware.MaxImageSize(7));
        Console.WriteLine(Firmware.ErrorText(Firmware.UploadBegin(7, 100)));
        Console.WriteLine(Firmware.ErrorText(Firmware.UploadBegin(0, 0x7fffffff)));
        byte[] data = new byte[100];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7);
        }

        Console.WriteLine(Firmware.UploadBegin(0, data.Length));
        Console.WriteLine(Firmware.ErrorText(Firmware.UploadWrite(8, data, 0, 10)));
        Console.WriteLine(Firmware.UploadWrite(0, data, 0, 60));
        Console.WriteLine(Firmware.ErrorText(Firmware.UploadWrite(60, data, 60, 40) + Firmware.UploadWrite(100, data, 0, 1)));
        byte[] sha = new byte[32];
        Console.WriteLine(Firmware.UploadFinish(sha) == Firmware.Refused);
        Console.WriteLine(sha[0] + " " + sha[31]);
        Console.WriteLine(Firmware.LastCheckImage + " " + Firmware.LastCheckRule);
        Console.WriteLine(Firmware.LastCheckReason);
        Console.WriteLine(Firmware.ErrorText(Firmware.SetPending(false)));
        Firmware.ConfirmRunningImage();
        Console.WriteLine(SmpChannel.GetChannels().Length);
        Console.WriteLine("reset");
        Power.RebootDevice();
        Console.WriteLine("not reached");
    }

    static void Print(FirmwareImage image)
    {
        Console.WriteLine(image.Image + "/" + image.Slot + " " + image.Major + "." + image.Minor + "." + image.Revision +
                          " " + (image.Active ? "active " : "") + (image.Confirmed ? "confirmed " : "") +
                          (image.Pending ? "pending " : "") + (image.Permanent ? "permanent " : "") + image.Hash.Length);
    }
}
