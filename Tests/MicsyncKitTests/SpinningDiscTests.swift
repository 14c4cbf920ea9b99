import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// Whether a folder lies on a single spinning disc, read from a `/sys` tree made for the test around the
/// sandbox's own device number: a partition of a rotational disc spins; an SSD, a virtio disc and a RAID of
/// two discs do not; LVM on one disc is that disc.
@Suite struct SpinningDiscTests {
    let box: Sandbox
    let deviceLink: String

    init() throws {
        box = try Sandbox()
        var info = stat()
        #expect(stat(box.path(""), &info) == 0)
        try box.makeDirectory("sys/dev/block")
        deviceLink = box.path("sys/dev/block/" + SpinningDisc.number(UInt64(info.st_dev)))
    }

    func disc(_ name: String, rotational: String, driver: String? = nil) throws {
        try box.write(rotational + "\n", at: "sys/devices/\(name)/queue/rotational")
        try box.write("1\n", at: "sys/devices/\(name)/\(name)1/partition")
        if let driver {
            try box.makeDirectory("sys/bus/\(driver)")
            try box.makeDirectory("sys/devices/\(name)/device")
            try FileManager.default.createSymbolicLink(
                atPath: box.path("sys/devices/\(name)/device/driver"),
                withDestinationPath: box.path("sys/bus/\(driver)"))
        }
    }

    func holds(through target: String) throws -> Bool {
        try? FileManager.default.removeItem(atPath: deviceLink)
        try FileManager.default.createSymbolicLink(atPath: deviceLink, withDestinationPath: box.path("sys/" + target))
        return SpinningDisc.holds(box.path(""), sysfs: box.path("sys"))
    }

    @Test func aPartitionOfARotationalDiscSpinsAndAnSSDDoesNot() throws {
        try disc("sda", rotational: "1")
        try disc("nvme0n1", rotational: "0")
        #expect(try holds(through: "devices/sda/sda1"))
        #expect(try !holds(through: "devices/nvme0n1/nvme0n11"))
    }

    @Test func aVirtualDiscSaysNothingOfWhatStoresIt() throws {
        try disc("vda", rotational: "1", driver: "virtio_blk")
        #expect(try !holds(through: "devices/vda/vda1"))
    }

    @Test func lvmOnOneDiscIsThatDiscAndARaidOfTwoIsNoSingleDisc() throws {
        try disc("sda", rotational: "1")
        try disc("sdb", rotational: "1")
        try box.makeDirectory("sys/devices/dm-0/slaves")
        try FileManager.default.createSymbolicLink(
            atPath: box.path("sys/devices/dm-0/slaves/sda1"), withDestinationPath: box.path("sys/devices/sda/sda1"))
        #expect(try holds(through: "devices/dm-0"))
        try FileManager.default.createSymbolicLink(
            atPath: box.path("sys/devices/dm-0/slaves/sdb1"), withDestinationPath: box.path("sys/devices/sdb/sdb1"))
        #expect(try !holds(through: "devices/dm-0"))
    }

    @Test func aLoopDeviceIsWhatItsBackingFileLiesOn() throws {
        // The backing file lies in the sandbox again: looked through a few times, then taken as no spinning disc.
        try box.write(box.path("image") + "\n", at: "sys/devices/loop0/loop/backing_file")
        try box.write("1\n", at: "sys/devices/loop0/queue/rotational")
        try box.write("image", at: "image")
        #expect(try !holds(through: "devices/loop0"))
    }

    @Test func aFilesystemWithoutABlockDeviceIsNoSpinningDisc() {
        #expect(!SpinningDisc.holds(box.path(""), sysfs: box.path("sys")))
    }
}
