use hyperswitch_masking::Secret;

#[derive(Clone, Debug)]
pub enum PaymentMethodData {
    Card(Card),
    Wallet(WalletData),
    CardToken(CardToken),
    MandatePayment,
}

#[derive(Clone, Debug)]
pub struct Card {
    pub card_number: cards::CardNumber,
    pub card_exp_month: Secret<String>,
    pub card_exp_year: Secret<String>,
    pub card_cvc: Secret<String>,
    pub card_holder_name: Option<Secret<String>>,
    pub card_issuer: Option<String>,
    pub nick_name: Option<Secret<String>>,
}

#[derive(Clone, Debug)]
pub enum WalletData {
    ApplePay(Secret<String>),
    GooglePay(Secret<String>),
}

#[derive(Clone, Debug, Default)]
pub struct CardToken {
    pub card_holder_name: Option<Secret<String>>,
    pub card_cvc: Option<Secret<String>>,
}
