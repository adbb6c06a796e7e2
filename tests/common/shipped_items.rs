//! Every message of the shipped schemas, and the structs of `benefit.md` (a data dictionary
//! without messages): the one list the agreement proptest (`tests/agreement/main.rs`) and the
//! fuzz targets (`fuzz/src/lib.rs`) both run, each turning it into its own table with its own
//! macro (`shipped_items!(cases)`). A list of `"schema path" => module::[Item, …]`.

macro_rules! shipped_items {
    ($list:ident) => {
        $list![
            "schemas/upi/enrollment_registration.md" => upi_enrollment_registration::[
                EnrollmentRegistrationRequest,
                EnrollmentRegistrationResponse,
            ],
            "schemas/upi/instant_discount_usage_query.md" => upi_instant_discount_usage_query::[
                InstantDiscountUsageQueryRequest,
                InstantDiscountUsageQueryResponse,
            ],
            "schemas/upi/instant_discount_budget_progress_query.md" => upi_instant_discount_budget_progress_query::[
                InstantDiscountBudgetProgressQueryRequest,
                InstantDiscountBudgetProgressQueryResponse,
            ],
            "schemas/alipayplus/benefit.md" => alipayplus_benefit::[
                Result,
                Amount,
                ExternalBenefitDetail,
                BenefitValidPeriod,
                BenefitBudget,
                MerchantInfo,
                Image,
                BenefitContent,
                BenefitCollectRule,
            ],
            "schemas/alipayplus/payment_apis.md" => alipayplus_payment_apis::[
                PayRequest,
                PayRequestPaymentCode,
                PayRequestOrderCode,
                PayRequestEntryCode,
                PayRequestCashier,
                PayResponse,
                NotifyPaymentRequest,
                NotifyPaymentResponse,
                InquiryPaymentRequest,
                InquiryPaymentResponse,
                CancelPaymentRequest,
                CancelPaymentResponse,
                RefundRequest,
                RefundResponse,
            ],
            "schemas/alipayplus/connect_benefit_apis.md" => alipayplus_connect_benefit_apis::[
                SyncBenefitRequest,
                SyncBenefitResponse,
                InquireBenefitSyncRequest,
                InquireBenefitSyncResponse,
                NotifyBenefitSyncRequest,
                NotifyBenefitSyncResponse,
                IssueBenefitRequest,
                IssueBenefitResponse,
                InquireBenefitIssueRequest,
                InquireBenefitIssueResponse,
                ReverseBenefitIssueRequest,
                ReverseBenefitIssueResponse,
                SyncUsedBenefitRequest,
                SyncUsedBenefitResponse,
            ],
        ]
    };
}
