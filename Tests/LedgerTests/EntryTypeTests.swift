import Ledger
import Testing

@Test(arguments: [
    ("submission", EntryType.submission),
    ("Submission", .submission),
    ("Submission refund", .submissionRefund),
    ("submission-refund", .submissionRefund),
    ("SUBMISSION_REFUND", .submissionRefund),
    ("Showcase overage", .showcaseOverage),
    ("plan allocation", .planAllocation),
    ("Mid cycle proration", .midCycleProration),
    ("mid-cycle proration", .midCycleProration),
    ("Manual top up", .manualTopUp),
    ("manual top-up", .manualTopUp),
    ("Auto Reload", .autoReload),
    ("autoreload", .autoReload),
    ("Admin adjustment", .adminAdjustment),
    ("image_generation", .imageGeneration),
    ("Image  Generation", .imageGeneration),
    ("refund", .unknown("refund")),
    ("Promo credit", .unknown("Promo credit")),
    ("Sübmission", .unknown("Sübmission")),
])
func labelsAreNormalized(label: String, type: EntryType) {
    #expect(EntryType(label: label) == type)
}

@Test(arguments: [
    (EntryType.submission, "submission", "Submission"),
    (.submissionRefund, "submission_refund", "Submission refund"),
    (.showcaseOverage, "showcase_overage", "Showcase overage"),
    (.planAllocation, "plan_allocation", "Plan allocation"),
    (.midCycleProration, "mid_cycle_proration", "Mid cycle proration"),
    (.manualTopUp, "manual_top_up", "Manual top up"),
    (.autoReload, "auto_reload", "Auto reload"),
    (.adminAdjustment, "admin_adjustment", "Admin adjustment"),
    (.imageGeneration, "image_generation", "Image generation"),
    (.unknown("Promo credit"), "Promo credit", "Promo credit"),
])
func idsAndCreditsPageLabels(type: EntryType, id: String, label: String) {
    #expect(type.id == id)
    #expect(type.label == label)
    #expect(EntryType(label: label) == type)
    #expect(type.isUnknown == (id == label))
}
